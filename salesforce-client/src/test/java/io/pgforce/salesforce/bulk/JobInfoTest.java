package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.http.Json;
import org.junit.jupiter.api.Test;

class JobInfoTest {

  @Test
  void readsAJobAsTheApiDescribesIt() throws Exception {
    JobInfo job =
        JobInfo.fromJson(
            Json.MAPPER.readTree(
                "{\"id\":\"750R0000000zlh9IAA\",\"operation\":\"query\",\"object\":\"Account\","
                    + "\"state\":\"JobComplete\",\"jobType\":\"V2Query\",\"numberRecordsProcessed\":1000,"
                    + "\"retries\":0,\"totalProcessingTime\":334}"));

    assertThat(job.id()).isEqualTo("750R0000000zlh9IAA");
    assertThat(job.state()).isEqualTo(JobState.JobComplete);
    assertThat(job.state().isTerminal()).isTrue();
    assertThat(job.numberRecordsProcessed()).isEqualTo(1000);
    assertThat(job.errorMessage()).isEmpty();
  }

  @Test
  void keepsTheReasonOfAFailedJob() throws Exception {
    JobInfo job =
        JobInfo.fromJson(
            Json.MAPPER.readTree(
                "{\"id\":\"750A\",\"state\":\"Failed\",\"errorMessage\":\"InvalidBatch : Field name not found : Nme\"}"));

    assertThat(job.errorMessage()).contains("InvalidBatch : Field name not found : Nme");
    assertThat(JobLifecycle.ended(job))
        .hasMessageContaining("BULK_JOB_FAILED")
        .hasMessageContaining("Field name not found");
    assertThat(JobState.InProgress.isTerminal()).isFalse();
  }
}
