package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.salesforce.FakeApiCalls;
import io.pgforce.salesforce.FakeClock;
import io.pgforce.salesforce.error.ApiError;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.ApiResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestJobsTest {

  private static final String JOB = "/services/data/v60.0/jobs/ingest/750B00000000001AAA";
  private static final String SUCCESSFUL =
      "\"sf__Id\",\"sf__Created\",\"Ext_Id__c\",\"Name\"\n\"001A\",\"true\",\"E-1\",\"Acme\"\n";
  private static final String FAILED =
      "\"sf__Id\",\"sf__Error\",\"Ext_Id__c\",\"Name\"\n\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\"E-2\",\"\"\n";

  private static ApiResponse csv(String text) {
    return ApiResponse.of(
        200, Map.of(), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static Object org(ApiRequest request) {
    String target = request.method() + " " + request.target();
    return switch (target) {
      case "POST /services/data/v60.0/jobs/ingest" ->
          Map.of("id", "750B00000000001AAA", "state", "Open");
      case "PUT " + JOB + "/batches" ->
          ApiResponse.of(201, Map.of(), new ByteArrayInputStream(new byte[0]));
      case "PATCH " + JOB ->
          Map.of(
              "id",
              "750B00000000001AAA",
              "state",
              FakeApiCalls.body(request).path("state").asText());
      case "GET " + JOB ->
          Map.of(
              "id",
              "750B00000000001AAA",
              "state",
              "JobComplete",
              "numberRecordsProcessed",
              2,
              "numberRecordsFailed",
              1);
      case "GET " + JOB + "/successfulResults/" -> csv(SUCCESSFUL);
      case "GET " + JOB + "/failedResults/" -> csv(FAILED);
      default -> throw new AssertionError("unexpected " + target);
    };
  }

  private static IngestJobs jobs(FakeApiCalls api) {
    return new IngestJobs(
        api, new JobLifecycle(api, FakeClock.at("2024-01-01T00:00:00Z"), Duration.ofHours(1)));
  }

  @Test
  void uploadsClosesWaitsAndReadsTheResultFilesItsCountersAnnounce() {
    FakeApiCalls api = new FakeApiCalls(IngestJobsTest::org);
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("Ext_Id__c", "E-1");
    first.put("Name", "Acme");
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("Ext_Id__c", "E-2");
    second.put("Name", null);
    byte[] csv = BulkCsv.write(List.of(first, second));

    IngestResult result =
        jobs(api).run("Account", Operation.UPSERT, "Ext_Id__c", csv, CancelHandle.none());

    assertThat(api.targets())
        .containsExactly(
            "POST /services/data/v60.0/jobs/ingest",
            "PUT " + JOB + "/batches",
            "PATCH " + JOB,
            "GET " + JOB,
            "GET " + JOB + "/successfulResults/",
            "GET " + JOB + "/failedResults/"); // a JobComplete job left nothing unprocessed
    assertThat(FakeApiCalls.body(api.requests.get(0)).path("operation").asText())
        .isEqualTo("upsert");
    assertThat(FakeApiCalls.body(api.requests.get(0)).path("externalIdFieldName").asText())
        .isEqualTo("Ext_Id__c");
    assertThat(new String(api.requests.get(1).body().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("Ext_Id__c,Name\nE-1,Acme\nE-2,#N/A\n");
    assertThat(api.requests.get(1).contentType()).isEqualTo("text/csv");
    assertThat(result.job().numberRecordsFailed()).isEqualTo(1);
    assertThat(result.successful())
        .containsExactly(
            new IngestResult.SuccessfulRecord(
                "001A", true, Map.of("Ext_Id__c", "E-1", "Name", "Acme")));
    assertThat(result.failed())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.id()).isEmpty();
              assertThat(f.error())
                  .isEqualTo(
                      new ApiError(
                          "REQUIRED_FIELD_MISSING",
                          "Required fields are missing: [Name]",
                          List.of("Name")));
              assertThat(f.fields()).containsEntry("Ext_Id__c", "E-2");
            });
    assertThat(result.unprocessed()).isEmpty();
  }

  @Test
  void aFailedUploadAbortsTheOpenJob() {
    FakeApiCalls api =
        new FakeApiCalls(
            r ->
                r.method().equals("PUT")
                    ? new SalesforceException(
                        400, "InvalidBatch", "Field name not found : Nme", List.of())
                    : org(r));

    assertThatThrownBy(
            () ->
                jobs(api)
                    .run(
                        "Account",
                        Operation.INSERT,
                        null,
                        "Nme\nx\n".getBytes(StandardCharsets.UTF_8),
                        CancelHandle.none()))
        .hasMessageContaining("Field name not found");
    assertThat(api.targets()).last().isEqualTo("PATCH " + JOB);
    assertThat(FakeApiCalls.body(api.requests.get(api.requests.size() - 1)).path("state").asText())
        .isEqualTo("Aborted");
  }

  @Test
  void anUpsertNeedsItsExternalIdFieldBeforeAnythingIsSent() {
    FakeApiCalls api = new FakeApiCalls(IngestJobsTest::org);

    assertThatThrownBy(
            () -> jobs(api).run("Account", Operation.UPSERT, " ", new byte[1], CancelHandle.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("external id field");
    assertThat(api.requests).isEmpty();
  }

  @Test
  void aJobWithoutFailuresCostsFiveCalls() {
    FakeApiCalls api =
        new FakeApiCalls(
            r ->
                (r.method() + " " + r.target()).equals("GET " + JOB)
                    ? Map.of(
                        "id",
                        "750B00000000001AAA",
                        "state",
                        "JobComplete",
                        "numberRecordsProcessed",
                        1,
                        "numberRecordsFailed",
                        0)
                    : org(r));

    IngestResult result =
        jobs(api)
            .run(
                "Account",
                Operation.UPSERT,
                "Ext_Id__c",
                "Ext_Id__c,Name\nE-1,Acme\n".getBytes(StandardCharsets.UTF_8),
                CancelHandle.none());

    assertThat(api.targets()).hasSize(5).doesNotContain("GET " + JOB + "/failedResults/");
    assertThat(result.successful()).hasSize(1);
    assertThat(result.failed()).isEmpty();
  }

  @Test
  void askedOnlyForFailuresAJobReadsNoSavedRows() {
    FakeApiCalls api = new FakeApiCalls(IngestJobsTest::org);

    IngestResult result =
        jobs(api)
            .run(
                "Account",
                Operation.UPDATE,
                null,
                "Id,Name\n001A,Acme\n001B,\n".getBytes(StandardCharsets.UTF_8),
                ResultFiles.FAILED_ONLY,
                CancelHandle.none());

    assertThat(api.targets())
        .hasSize(5)
        .contains("GET " + JOB + "/failedResults/")
        .doesNotContain("GET " + JOB + "/successfulResults/");
    assertThat(result.successful()).isEmpty();
    assertThat(result.failed()).singleElement().satisfies(f -> assertThat(f.id()).isEmpty());
    assertThat(result.job().numberRecordsProcessed()).isEqualTo(2);
  }
}
