package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BulkJobStatesTest {

  private final MutableClock clock = MutableClock.at("2024-03-01T10:00:00.400Z");
  private final OrgStore store = TestOrgs.store(clock);

  @Test
  void aQueryJobAbortedWhileRunningStaysAborted() {
    QueryJob job = new QueryJob(spec(BulkOperation.QUERY), "750x", clock);
    assertThat(job.move(Set.of(JobState.UPLOAD_COMPLETE), JobState.IN_PROGRESS)).isTrue();
    assertThat(job.abort()).isTrue();

    assertThat(job.complete(new QueryExecutor(store).execute("SELECT Id FROM Account", false)))
        .isFalse();
    assertThat(job.state()).isEqualTo(JobState.ABORTED);
    assertThat(job.result()).isEmpty();
    assertThat(job.fail("late")).isFalse();
    assertThat(job.errorMessage()).isEmpty();
  }

  @Test
  void aFinishedJobCannotBeAbortedAndKeepsItsTimes() {
    QueryJob job = new QueryJob(spec(BulkOperation.QUERY), "750x", clock);
    job.move(Set.of(JobState.UPLOAD_COMPLETE), JobState.IN_PROGRESS);
    clock.advance(Duration.ofSeconds(3));
    job.fail("INVALID_FIELD: nope");

    assertThat(job.abort()).isFalse();
    assertThat(job.state()).isEqualTo(JobState.FAILED);
    assertThat(job.errorMessage()).contains("INVALID_FIELD: nope");
    assertThat(job.createdDate()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
    assertThat(job.systemModstamp()).isEqualTo(Instant.parse("2024-03-01T10:00:03Z"));
  }

  @Test
  void anIngestJobTakesUploadsOnlyWhileOpen() {
    IngestJob job = new IngestJob(spec(BulkOperation.INSERT), "750y", clock);
    assertThat(job.upload("Name\nA\n".getBytes())).isTrue();
    assertThat(job.move(Set.of(JobState.OPEN), JobState.UPLOAD_COMPLETE)).isTrue();
    assertThat(job.upload("Name\nB\n".getBytes())).isFalse();
    assertThat(new String(job.data())).isEqualTo("Name\nA\n");
  }

  @Test
  void locatorsAreBase64OffsetsAndOnlyOursDecode() {
    assertThat(Locators.encode(10_000)).isEqualTo("MTAwMDA");
    assertThat(Locators.decode("MTAwMDA")).contains(10_000);
    assertThat(Locators.decode("null")).isEmpty();
    assertThat(Locators.decode("LTE")).isEmpty();
  }

  @Test
  void rowErrorsReadAsSalesforceWritesThem() {
    assertThat(
            IngestResults.errorText(
                java.util.List.of(
                    io.pgforce.emulator.errors.ApiError.of(
                        "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", "Name"))))
        .isEqualTo("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
    assertThat(
            IngestResults.errorText(
                java.util.List.of(
                    io.pgforce.emulator.errors.ApiError.of(
                        "ENTITY_IS_DELETED", "entity is deleted"))))
        .isEqualTo("ENTITY_IS_DELETED:entity is deleted:--");
  }

  private JobSpec spec(BulkOperation operation) {
    return new JobSpec(
        operation,
        "Account",
        operation.isQuery() ? "SELECT Id FROM Account" : null,
        null,
        CsvDialect.DEFAULT,
        "60.0",
        store.identity().userId(),
        Optional.empty());
  }
}
