package io.pgforce.engine.outbound;

import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.WriteError;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.bulk.CancelHandle;
import io.pgforce.salesforce.bulk.IngestResult;
import io.pgforce.salesforce.bulk.Operation;
import io.pgforce.salesforce.bulk.ResultFiles;
import io.pgforce.salesforce.error.SalesforceException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a large set of writes of one table and kind as one Bulk API 2.0 ingest job: a handful of
 * calls for thousands of rows, where sObject Collections needs one per 200.
 *
 * <p>Bulk API 2.0 does not return results in input order, so each result is matched back to its
 * write by a key the row carries: the record Id for updates and deletes, the external id for
 * inserts. Inserts without an external id value therefore never go this way (see {@link #suits}).
 * Updates and deletes read only the failed rows: a job that processed every row saved the others,
 * so the file of saved rows (a call, and every row sent back) would say nothing new.
 */
final class BulkIngestPush {

  private static final String ID = "Id";

  private final SalesforceClient salesforce;
  private final int threshold;

  /**
   * @param threshold the least number of writes worth a job; 0 turns the Bulk path off
   */
  BulkIngestPush(SalesforceClient salesforce, int threshold) {
    this.salesforce = salesforce;
    this.threshold = threshold;
  }

  /**
   * Whether these writes go as a Bulk job: enough of them, and each with a key of its own to match
   * its result on.
   */
  boolean suits(TableDefinition def, Kind kind, List<Map<String, Object>> payloads) {
    if (threshold <= 0 || payloads.size() < threshold) {
      return false;
    }
    return switch (kind) {
      case UPDATE, DELETE -> true;
      case INSERT -> def.mapping().upsertField().map(f -> everyHas(payloads, f)).orElse(false);
      case NOTHING -> false;
    };
  }

  private static boolean everyHas(List<Map<String, Object>> payloads, String field) {
    java.util.Set<String> keys = new java.util.HashSet<>();
    return payloads.stream().allMatch(p -> p.get(field) != null && keys.add(cell(p.get(field))));
  }

  /** Runs the job; {@code payloads} are in the order of {@code writes}, and so are the outcomes. */
  List<WriteOutcome> push(
      TableDefinition def,
      Kind kind,
      List<PendingWrite> writes,
      List<Map<String, Object>> payloads) {
    String key = kind == Kind.INSERT ? def.mapping().upsertField().orElseThrow() : ID;
    List<Map<String, Object>> rows = rows(kind, writes, payloads);
    // an update or delete is matched by the Id it sent: only its failures need reading
    ResultFiles files = kind == Kind.INSERT ? ResultFiles.ALL : ResultFiles.FAILED_ONLY;
    try {
      IngestResult result =
          salesforce
              .bulk()
              .ingest(
                  def.mapping().objectName(),
                  operation(kind),
                  externalId(def, kind),
                  rows,
                  files,
                  CancelHandle.none());
      return match(writes, rows, key, result, files);
    } catch (SalesforceException e) {
      return WriteOutcome.callFailed(writes, e);
    }
  }

  private static Operation operation(Kind kind) {
    return switch (kind) {
      case INSERT -> Operation.UPSERT; // by external id, so a retried job finds its records
      case UPDATE -> Operation.UPDATE;
      case DELETE -> Operation.DELETE;
      case NOTHING -> throw new IllegalArgumentException("nothing to push");
    };
  }

  private static String externalId(TableDefinition def, Kind kind) {
    return kind == Kind.INSERT ? def.mapping().upsertField().orElseThrow() : null;
  }

  /** The job's CSV rows: the Id first for updates and deletes, relationships as dotted columns. */
  private static List<Map<String, Object>> rows(
      Kind kind, List<PendingWrite> writes, List<Map<String, Object>> payloads) {
    List<Map<String, Object>> rows = new ArrayList<>(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      Map<String, Object> row = new LinkedHashMap<>();
      if (kind != Kind.INSERT) {
        row.put(ID, writes.get(i).sfid());
      }
      if (kind != Kind.DELETE) {
        flatten(payloads.get(i), row);
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * {@code "Account": {"External_ID__c": v}} becomes the CSV column {@code Account.External_ID__c}.
   */
  private static void flatten(Map<String, Object> payload, Map<String, Object> row) {
    payload.forEach(
        (field, value) -> {
          if (value instanceof Map<?, ?> reference) {
            reference.forEach((k, v) -> row.put(field + "." + k, v));
          } else {
            row.put(field, value);
          }
        });
  }

  /** Each write's outcome, read from the job's result rows by {@code key}. */
  static List<WriteOutcome> match(
      List<PendingWrite> writes,
      List<Map<String, Object>> rows,
      String key,
      IngestResult result,
      ResultFiles files) {
    Map<String, WriteOutcome> byKey = new HashMap<>();
    Map<String, PendingWrite> writeByKey = new HashMap<>();
    List<String> keys = rows.stream().map(row -> cell(row.get(key))).toList();
    for (int i = 0; i < writes.size(); i++) {
      writeByKey.put(keys.get(i), writes.get(i));
    }
    for (IngestResult.SuccessfulRecord saved : result.successful()) {
      Optional.ofNullable(writeByKey.get(saved.fields().get(key)))
          .ifPresent(w -> byKey.put(saved.fields().get(key), WriteOutcome.success(w, saved.id())));
    }
    for (IngestResult.FailedRecord refused : result.failed()) {
      Optional.ofNullable(writeByKey.get(refused.fields().get(key)))
          .ifPresent(
              w -> byKey.put(refused.fields().get(key), WriteOutcome.refused(w, refused.error())));
    }
    // every row processed, and every failure matched to its row: then the rest were saved
    boolean unlistedWereSaved =
        files == ResultFiles.FAILED_ONLY
            && result.job().numberRecordsProcessed() == rows.size()
            && byKey.size() == result.job().numberRecordsFailed();
    List<WriteOutcome> outcomes = new ArrayList<>(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      PendingWrite w = writes.get(i);
      WriteOutcome o = byKey.get(keys.get(i));
      if (o == null) {
        o = unlistedWereSaved ? WriteOutcome.success(w, w.sfid()) : unanswered(w);
      }
      outcomes.add(o);
    }
    return outcomes;
  }

  /**
   * A row the job's results do not mention (left unprocessed, or two rows with one key), when the
   * job did not process every row sent or its saved rows were read: sent again in a later round,
   * which is safe since updates and upserts by key can be repeated.
   */
  private static WriteOutcome unanswered(PendingWrite w) {
    return WriteOutcome.retry(
        w,
        new WriteError(
            "BULK_ROW_UNPROCESSED", "the Bulk API job returned no result for this row", List.of()));
  }

  /** A key as the job's CSV carries it, and so as its results echo it. */
  private static String cell(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
  }
}
