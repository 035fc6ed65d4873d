package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.Result;
import io.pgforce.salesforce.bulk.IngestResult;
import io.pgforce.salesforce.bulk.IngestResult.FailedRecord;
import io.pgforce.salesforce.bulk.IngestResult.SuccessfulRecord;
import io.pgforce.salesforce.bulk.JobInfo;
import io.pgforce.salesforce.bulk.JobState;
import io.pgforce.salesforce.bulk.ResultFiles;
import io.pgforce.salesforce.error.ApiError;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How a Bulk job's results are matched back to the writes that made its rows. The dangerous case is
 * a row the results do not mention: it may count as saved only when the job says it processed every
 * row and every failure it counted was matched; otherwise it is pushed again.
 */
class BulkIngestPushTest {

  private static final List<PendingWrite> UPDATES =
      List.of(update(1, "001A"), update(2, "001B"), update(3, "001C"));
  private static final List<Map<String, Object>> ROWS =
      List.of(Map.of("Id", "001A"), Map.of("Id", "001B"), Map.of("Id", "001C"));

  @Test
  void rowsNotAmongTheFailedAreSavedWhenTheJobProcessedEveryRow() {
    IngestResult result = result(3, List.of(refused("001B")));

    List<WriteOutcome> outcomes =
        BulkIngestPush.match(UPDATES, ROWS, "Id", result, ResultFiles.FAILED_ONLY);

    assertThat(outcomes)
        .extracting(WriteOutcome::result)
        .containsExactly(Result.SUCCESS, Result.FAILED, Result.SUCCESS);
    assertThat(outcomes.get(1).error().orElseThrow().code())
        .isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    assertThat(outcomes.get(0).sfid()).contains("001A");
  }

  @Test
  void rowsAJobDidNotProcessArePushedAgain() {
    IngestResult result = result(2, List.of(refused("001B")));

    List<WriteOutcome> outcomes =
        BulkIngestPush.match(UPDATES, ROWS, "Id", result, ResultFiles.FAILED_ONLY);

    assertThat(outcomes)
        .extracting(WriteOutcome::result)
        .containsExactly(Result.RETRY, Result.FAILED, Result.RETRY);
    assertThat(outcomes.get(0).error().orElseThrow().code()).isEqualTo("BULK_ROW_UNPROCESSED");
  }

  @Test
  void aFailureMatchingNoRowLeavesTheUnlistedRowsToBePushedAgain() {
    // the job counted one failure, but its row echoes a key none of the writes sent
    IngestResult result = result(3, List.of(refused("001Z")));

    List<WriteOutcome> outcomes =
        BulkIngestPush.match(UPDATES, ROWS, "Id", result, ResultFiles.FAILED_ONLY);

    assertThat(outcomes).extracting(WriteOutcome::result).containsOnly(Result.RETRY);
  }

  @Test
  void whenEveryResultIsReadAnUnlistedRowIsNeverTakenAsSaved() {
    List<PendingWrite> inserts = List.of(insert(1), insert(2));
    List<Map<String, Object>> rows =
        List.of(Map.of("Ext__c", new BigDecimal("10.0")), Map.of("Ext__c", new BigDecimal("20")));
    IngestResult result =
        new IngestResult(
            job(2, 0),
            List.of(new SuccessfulRecord("001N", true, Map.of("Ext__c", "10.0"))),
            List.of(),
            List.of());

    List<WriteOutcome> outcomes =
        BulkIngestPush.match(inserts, rows, "Ext__c", result, ResultFiles.ALL);

    // numbers are matched as the CSV wrote them (10.0, not 1E+1)
    assertThat(outcomes.get(0).result()).isEqualTo(Result.SUCCESS);
    assertThat(outcomes.get(0).sfid()).contains("001N");
    assertThat(outcomes.get(1).result()).isEqualTo(Result.RETRY);
  }

  private static IngestResult result(long processed, List<FailedRecord> failed) {
    return new IngestResult(job(processed, failed.size()), List.of(), failed, List.of());
  }

  private static JobInfo job(long processed, long failed) {
    return new JobInfo(
        "750x", "update", "Account", JobState.JobComplete, processed, failed, 0, Optional.empty());
  }

  private static FailedRecord refused(String id) {
    return new FailedRecord(
        Optional.of(id),
        new ApiError("FIELD_CUSTOM_VALIDATION_EXCEPTION", "Rating is required", List.of()),
        Map.of("Id", id));
  }

  private static PendingWrite update(long recordId, String sfid) {
    return new PendingWrite(
        "account", recordId, Kind.UPDATE, sfid, Set.of("name"), List.of(recordId * 10));
  }

  private static PendingWrite insert(long recordId) {
    return new PendingWrite(
        "account", recordId, Kind.INSERT, null, Set.of("ext__c"), List.of(recordId * 10));
  }
}
