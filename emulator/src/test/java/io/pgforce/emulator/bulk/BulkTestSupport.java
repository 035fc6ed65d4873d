package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import java.time.Duration;
import java.util.Set;

/** Bulk API 2.0 calls for the integration tests: create a job, wait for it, read its files. */
abstract class BulkTestSupport extends EmulatorTestBase {

  static final String QUERY_JOBS = V + "/jobs/query";
  static final String INGEST_JOBS = V + "/jobs/ingest";
  private static final Set<String> FINAL = Set.of("JobComplete", "Failed", "Aborted");

  /** Creates a query job and returns its id. */
  String queryJob(String operation, String soql) {
    RestClient.Response created =
        api.post(
            QUERY_JOBS,
            "{\"operation\":\""
                + operation
                + "\",\"query\":"
                + RestClient.JSON.valueToTree(soql)
                + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().get("id").asText();
  }

  /** Waits until the job is JobComplete, Failed or Aborted, and returns its info. */
  JsonNode awaitFinal(String jobsPath, String id) {
    JsonNode[] info = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              info[0] = api.get(jobsPath + "/" + id).json();
              return FINAL.contains(info[0].get("state").asText());
            });
    return info[0];
  }

  /** Creates an ingest job, uploads {@code csv}, closes it and waits for it to finish. */
  JsonNode ingest(String jobJson, String csv) {
    String id = ingestJob(jobJson);
    RestClient.Response upload = upload(id, csv);
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    RestClient.Response closed = close(id);
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    return awaitFinal(INGEST_JOBS, id);
  }

  String ingestJob(String jobJson) {
    RestClient.Response created = api.post(INGEST_JOBS, jobJson);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return created.json().get("id").asText();
  }

  RestClient.Response upload(String id, String csv) {
    return api.send("PUT", INGEST_JOBS + "/" + id + "/batches", csv, "text/csv");
  }

  RestClient.Response close(String id) {
    return api.patch(INGEST_JOBS + "/" + id, "{\"state\":\"UploadComplete\"}");
  }

  String file(String id, String name) {
    RestClient.Response response = api.get(INGEST_JOBS + "/" + id + "/" + name);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
