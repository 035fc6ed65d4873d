package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.salesforce.bulk.BulkRow;
import io.pgforce.salesforce.bulk.CancelHandle;
import io.pgforce.salesforce.bulk.IngestResult;
import io.pgforce.salesforce.bulk.JobState;
import io.pgforce.salesforce.bulk.Operation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bulk API 2.0 query and ingest jobs against the emulator. */
class BulkIT {

  private static final int PAGE_SIZE = 4_000;

  @RegisterExtension
  static final EmulatorOrg org =
      new EmulatorOrg(emulator -> emulator, client -> client.bulkMaxRecordsPerPage(PAGE_SIZE));

  private final SalesforceClient salesforce = org.client();

  @Test
  void aQueryFollowsTheLocatorThroughEveryPage() {
    org.emulator().seed(25_000, 0, 0);
    List<String> headers = new ArrayList<>();
    List<String> ids = new ArrayList<>();

    long total =
        salesforce
            .bulk()
            .query(
                "SELECT Id, Name FROM Account",
                false,
                page -> {
                  BufferedReader lines =
                      new BufferedReader(new InputStreamReader(page, StandardCharsets.UTF_8));
                  headers.add(lines.readLine());
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    ids.add(line.substring(1, line.indexOf('"', 1)));
                  }
                });

    assertThat(total).isEqualTo(25_000);
    assertThat(ids).hasSize(25_000).doesNotHaveDuplicates().allMatch(id -> id.startsWith("001"));
    assertThat(headers).hasSize(7).containsOnly("\"Id\",\"Name\"");
    assertThat(org.calls("GET /services/data/{version}/jobs/query/{jobId}/results")).isEqualTo(7);
  }

  @Test
  void queryAllReturnsDeletedRecords() {
    String kept = salesforce.create("Account", Map.of("Name", "Kept"));
    String deleted = salesforce.create("Account", Map.of("Name", "Deleted"));
    salesforce.delete("Account", deleted);

    Map<String, String> live = rows("SELECT Id, Name, IsDeleted FROM Account", false);
    Map<String, String> all = rows("SELECT Id, Name, IsDeleted FROM Account", true);

    assertThat(live).containsOnlyKeys(kept);
    assertThat(all).containsOnlyKeys(kept, deleted);
    assertThat(all.get(deleted)).isEqualTo("true");
    assertThat(all.get(kept)).isEqualTo("false");
  }

  private Map<String, String> rows(String soql, boolean queryAll) {
    Map<String, String> isDeletedById = new LinkedHashMap<>();
    salesforce
        .bulk()
        .queryRows(
            soql,
            queryAll,
            (BulkRow row) ->
                isDeletedById.put(row.get("Id").orElseThrow(), row.get("IsDeleted").orElseThrow()));
    return isDeletedById;
  }

  @Test
  void anIngestReportsTheBadRowAndSavesTheGoodOnes() {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(Map.of("Name", "Good 1", "Phone", "555-0001"));
    rows.add(Map.of("Phone", "555-0002"));
    rows.add(Map.of("Name", "Good 3", "Phone", "555-0003"));

    IngestResult result = salesforce.bulk().ingest("Account", Operation.INSERT, null, rows);

    assertThat(result.job().state()).isEqualTo(JobState.JobComplete);
    assertThat(result.job().numberRecordsFailed()).isEqualTo(1);
    assertThat(result.successful()).hasSize(2).allMatch(IngestResult.SuccessfulRecord::created);
    assertThat(result.successful())
        .extracting(r -> r.fields().get("Name"))
        .containsExactlyInAnyOrder("Good 1", "Good 3");
    assertThat(result.failed()).hasSize(1);
    IngestResult.FailedRecord failed = result.failed().get(0);
    assertThat(failed.error().code()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(failed.error().fields()).containsExactly("Name");
    assertThat(failed.fields().get("Phone")).isEqualTo("555-0002");
    assertThat(result.unprocessed()).isEmpty();
    Map<String, String> saved =
        salesforce
            .query("SELECT Id, Name FROM Account")
            .collect(
                Collectors.toMap(r -> r.id().orElseThrow(), r -> r.text("Name").orElseThrow()));
    Map<String, String> expected = new LinkedHashMap<>();
    result.successful().forEach(r -> expected.put(r.id(), r.fields().get("Name")));
    assertThat(saved).isEqualTo(expected);
  }

  @Test
  void aCancelledIngestIsAborted() throws Exception {
    org.emulator().bulkJobs().clear();
    org.emulator().addFault(FaultRule.slow("/jobs/ingest", 3_000).onlyFor("PUT"));
    CancelHandle cancel = new CancelHandle();
    List<Map<String, Object>> rows = List.of(Map.of("Name", "Never"));

    CompletableFuture<IngestResult> ingest =
        CompletableFuture.supplyAsync(
            () -> salesforce.bulk().ingest("Account", Operation.INSERT, null, rows, cancel));
    await().atMost(Duration.ofSeconds(10)).until(() -> org.emulator().bulkJobs().count() == 1);
    cancel.cancel();

    assertThatThrownBy(() -> ingest.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CancellationException.class);
    JsonNode jobs = ingestJobs();
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).path("state").asText()).isEqualTo("Aborted");
    assertThat(salesforce.count("SELECT COUNT() FROM Account")).isZero();
  }

  private JsonNode ingestJobs() throws Exception {
    String url =
        org.emulator().baseUrl()
            + "/services/data/v"
            + org.emulator().config().apiVersion()
            + "/jobs/ingest";
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + org.emulator().accessToken())
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body()).path("records");
  }
}
