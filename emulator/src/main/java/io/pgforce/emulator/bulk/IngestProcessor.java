package io.pgforce.emulator.bulk;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.store.SaveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Runs a closed ingest job: reads its CSV, checks the header, then saves the rows through the same
 * DML path REST uses, in internal batches of 10,000 rows (each one transaction, as Salesforce
 * splits Bulk 2.0 jobs). A bad row fails alone; an abort stops the job between batches and leaves
 * the remaining rows unprocessed.
 */
final class IngestProcessor {

  /** Salesforce's internal batch size for Bulk API 2.0 ingest. */
  static final int BATCH = 10_000;

  private static final ApiError ID_MISSING_UPDATE =
      ApiError.of("MISSING_ARGUMENT", "Id not specified in an update call");
  private static final ApiError ID_MISSING_DELETE =
      ApiError.of("MISSING_ARGUMENT", "Id not specified in a delete call");

  private final OrgStore store;
  private final LongConsumer batchesUsed;

  /**
   * @param batchesUsed counts internal batches against the org's daily Bulk API batch limit
   */
  IngestProcessor(OrgStore store, LongConsumer batchesUsed) {
    this.store = store;
    this.batchesUsed = batchesUsed;
  }

  void run(IngestJob job) {
    if (!job.move(Set.of(JobState.UPLOAD_COMPLETE), JobState.IN_PROGRESS)) {
      return;
    }
    try {
      IngestCsv.Table table = IngestCsv.parse(job.data(), job.dialect());
      IngestResults results = new IngestResults(table.header(), table.rows());
      job.results(results);
      job.dropUploads();
      SObjectDefinition type = store.schema().require(job.objectName());
      IngestColumns columns = IngestColumns.resolve(table.header(), type, store.schema());
      processBatches(job, results, columns);
      job.complete();
    } catch (IngestFailure failure) {
      job.fail(failure.getMessage());
    }
  }

  private void processBatches(IngestJob job, IngestResults results, IngestColumns columns) {
    for (int from = 0; from < results.size(); from += BATCH) {
      if (job.state() != JobState.IN_PROGRESS) {
        return;
      }
      batchesUsed.accept(1);
      processBatch(job, results, columns, from, Math.min(from + BATCH, results.size()));
    }
  }

  private void processBatch(
      IngestJob job, IngestResults results, IngestColumns columns, int from, int to) {
    boolean byId = job.operation() == BulkOperation.UPDATE || job.operation().deletes();
    List<Integer> sent = new ArrayList<>();
    List<IngestColumns.Row> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      IngestColumns.Row row = columns.row(results.row(i), byId);
      if (byId && row.id() == null) {
        results.failed(i, null, List.of(idMissing(job.operation())));
      } else {
        sent.add(i);
        rows.add(row);
      }
    }
    List<SaveResult> saved = save(job, rows);
    for (int k = 0; k < sent.size(); k++) {
      record(job, results, sent.get(k), rows.get(k), saved.get(k));
    }
  }

  private List<SaveResult> save(IngestJob job, List<IngestColumns.Row> rows) {
    String object = job.objectName();
    DmlOptions options =
        DmlOptions.asUser(job.createdById()).withClientId(job.clientId().orElse(null));
    List<String> ids = rows.stream().map(IngestColumns.Row::id).toList();
    return switch (job.operation()) {
      case INSERT -> store.dml().create(inputs(object, rows, false), options);
      case UPDATE -> store.dml().update(inputs(object, rows, true), options);
      case UPSERT ->
          store
              .dml()
              .upsert(object, job.externalIdFieldName(), inputs(object, rows, false), options);
      case DELETE -> store.dml().delete(ids, options);
      case HARD_DELETE -> store.dml().hardDelete(ids, options);
      case QUERY, QUERY_ALL -> throw new IllegalStateException("not an ingest job");
    };
  }

  private static List<RecordInput> inputs(
      String object, List<IngestColumns.Row> rows, boolean withId) {
    List<RecordInput> inputs = new ArrayList<>(rows.size());
    for (IngestColumns.Row row : rows) {
      inputs.add(new RecordInput(object, withId ? row.id() : null, row.fields()));
    }
    return inputs;
  }

  private static void record(
      IngestJob job, IngestResults results, int index, IngestColumns.Row row, SaveResult result) {
    if (result.success()) {
      boolean created = result.created().orElse(job.operation() == BulkOperation.INSERT);
      results.succeeded(index, result.id().orElseThrow(), created);
    } else {
      results.failed(index, result.id().orElse(row.id()), result.errors());
    }
  }

  private static ApiError idMissing(BulkOperation operation) {
    return operation == BulkOperation.UPDATE ? ID_MISSING_UPDATE : ID_MISSING_DELETE;
  }
}
