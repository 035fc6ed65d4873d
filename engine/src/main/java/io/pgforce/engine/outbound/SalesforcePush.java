package io.pgforce.engine.outbound;

import io.pgforce.engine.Threads;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.error.ApiError;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.rest.SaveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Sends one table's pending writes of one kind through sObject Collections in calls of 200, or as
 * one Bulk API 2.0 job when there are many ({@link BulkIngestPush}), and turns Salesforce's
 * per-record answers into outcomes. Inserts go as upserts on the mapping's external id when it has
 * one and the row a value for it, so that a retry after a lost answer finds the record instead of
 * creating it twice.
 */
final class SalesforcePush {

  /** sObject Collections takes at most 200 records a call. */
  private static final int CALL_SIZE = 200;

  /**
   * Calls in flight at once. The records of one table and kind are independent of each other, so
   * their calls can overlap; a round's latency is then that of its slowest call, not their sum.
   */
  private static final int CONCURRENT_CALLS = 4;

  private final SalesforceClient salesforce;
  private final BulkIngestPush bulk;
  private final ExecutorService calls =
      Executors.newFixedThreadPool(CONCURRENT_CALLS, Threads.daemon("pgforce-push"));

  /**
   * @param bulkThreshold writes of one table and kind from which a round goes as one Bulk API 2.0
   *     ingest job instead (0: never)
   */
  SalesforcePush(SalesforceClient salesforce, int bulkThreshold) {
    this.salesforce = salesforce;
    this.bulk = new BulkIngestPush(salesforce, bulkThreshold);
  }

  /** Ends the call threads, once the writer they served has ended. */
  void close() {
    calls.shutdown();
  }

  /**
   * Pushes writes that share table and kind, in calls of 200 sent a few at a time; {@code payloads}
   * are in the same order. Each call's outcomes go to {@code answered} as soon as it has answered
   * (with those of later calls that answered meanwhile), while later calls are still out: an insert
   * Salesforce made is then recorded a call later, not a round later, which narrows the window in
   * which a killed engine leaves it made but unrecorded.
   */
  void push(
      TableDefinition def,
      Kind kind,
      List<PendingWrite> writes,
      List<Map<String, Object>> payloads,
      Consumer<List<WriteOutcome>> answered) {
    if (bulk.suits(def, kind, payloads)) {
      answered.accept(bulk.push(def, kind, writes, payloads));
      return;
    }
    List<Future<List<WriteOutcome>>> chunks = new ArrayList<>();
    for (int from = 0; from < writes.size(); from += CALL_SIZE) {
      int to = Math.min(writes.size(), from + CALL_SIZE);
      List<PendingWrite> w = writes.subList(from, to);
      List<Map<String, Object>> p = payloads.subList(from, to);
      chunks.add(calls.submit(() -> pushCall(def, kind, w, p)));
    }
    int next = 0;
    while (next < chunks.size()) {
      // with the calls that answered meanwhile: one recording for all of them, so recording
      // keeps up with the calls instead of costing one transaction each
      List<WriteOutcome> known = new ArrayList<>(Threads.await(chunks.get(next++)));
      while (next < chunks.size() && chunks.get(next).isDone()) {
        known.addAll(Threads.await(chunks.get(next++)));
      }
      answered.accept(known);
    }
  }

  /** One call's writes. */
  private List<WriteOutcome> pushCall(
      TableDefinition def,
      Kind kind,
      List<PendingWrite> writes,
      List<Map<String, Object>> payloads) {
    try {
      List<SaveResult> results = call(def, kind, writes, payloads);
      List<WriteOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < writes.size(); i++) {
        outcomes.add(outcome(writes.get(i), results.get(i)));
      }
      return outcomes;
    } catch (SalesforceException e) {
      return WriteOutcome.callFailed(writes, e);
    }
  }

  private List<SaveResult> call(
      TableDefinition def,
      Kind kind,
      List<PendingWrite> writes,
      List<Map<String, Object>> payloads) {
    String object = def.mapping().objectName();
    var collections = salesforce.collections();
    return switch (kind) {
      case INSERT ->
          def.mapping().upsertField().isPresent()
              ? collections.upsert(object, def.mapping().upsertField().get(), payloads, false)
              : collections.create(object, payloads, false);
      case UPDATE -> collections.update(object, withIds(writes, payloads), false);
      case DELETE -> collections.delete(writes.stream().map(PendingWrite::sfid).toList(), false);
      case NOTHING -> throw new IllegalArgumentException("nothing to push");
    };
  }

  private static List<Map<String, Object>> withIds(
      List<PendingWrite> writes, List<Map<String, Object>> payloads) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < writes.size(); i++) {
      Map<String, Object> record = new java.util.LinkedHashMap<>();
      record.put("Id", writes.get(i).sfid());
      record.putAll(payloads.get(i));
      records.add(record);
    }
    return records;
  }

  private static WriteOutcome outcome(PendingWrite w, SaveResult r) {
    if (r.success()) {
      return WriteOutcome.success(w, r.id().orElse(w.sfid()));
    }
    return WriteOutcome.refused(
        w,
        r.errors().isEmpty()
            ? new ApiError("UNKNOWN_ERROR", "Salesforce gave no reason", List.of())
            : r.errors().get(0));
  }
}
