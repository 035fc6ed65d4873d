package io.pgforce.app.convergence;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.bulk.IngestResult;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.rest.SaveResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs operations in the org the way other Salesforce users would: through REST one record at a
 * time, sObject Collections, Bulk API 2.0 ingest jobs (all over HTTP, so they meet the injected
 * faults) and the emulator's in-process DML. Records each outcome in the ledger.
 */
final class SalesforceSide {

  /** How operations reach the org. */
  enum Channel {
    REST,
    COLLECTIONS,
    BULK,
    DML
  }

  private final SalesforceClient client;
  private final Emulator org;
  private final Ledger ledger;
  private final Function<RecordHistory, Optional<String>> sfidLookup;

  /**
   * @param sfidLookup finds the Salesforce id of a record created in Postgres, once it is synced
   */
  SalesforceSide(
      SalesforceClient client,
      Emulator org,
      Ledger ledger,
      Function<RecordHistory, Optional<String>> sfidLookup) {
    this.client = client;
    this.org = org;
    this.ledger = ledger;
    this.sfidLookup = sfidLookup;
  }

  /** Runs a batch of operations of one kind on one object through {@code channel}. */
  void run(Channel channel, List<Operation> batch) {
    Map<Operation, String> ids = new java.util.LinkedHashMap<>();
    for (Operation op : batch) {
      if (op.kind() == Write.Kind.CREATE) {
        ids.put(op, null);
      } else {
        sfid(op).ifPresent(id -> ids.put(op, id)); // not synced yet: Salesforce cannot name it
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    Instant start = Instant.now();
    Map<Operation, Result> results = call(channel, ids);
    Instant end = Instant.now();
    results.forEach((op, r) -> record(channel, op, r, start, end));
  }

  private Optional<String> sfid(Operation op) {
    RecordHistory target = op.target().existing();
    if (target.sfid() == null) {
      sfidLookup.apply(target).ifPresent(target::learnSfid);
    }
    return Optional.ofNullable(target.sfid());
  }

  /** The outcome of one operation, with the new record's id for a create. */
  private record Result(Write.Outcome outcome, String id) {}

  private Map<Operation, Result> call(Channel channel, Map<Operation, String> ids) {
    try {
      return switch (channel) {
        case REST -> rest(ids);
        case COLLECTIONS -> collections(ids);
        case BULK -> bulk(ids);
        case DML -> dml(ids);
      };
    } catch (SalesforceException e) {
      // an error response means the org refused the call; no response leaves it open
      Write.Outcome o =
          e.httpStatus() == SalesforceException.NO_RESPONSE
              ? Write.Outcome.UNCERTAIN
              : Write.Outcome.NOT_APPLIED;
      return all(ids, o);
    } catch (RuntimeException e) {
      return all(ids, Write.Outcome.UNCERTAIN);
    }
  }

  private static Map<Operation, Result> all(Map<Operation, String> ids, Write.Outcome outcome) {
    Map<Operation, Result> out = new HashMap<>();
    ids.forEach((op, id) -> out.put(op, new Result(outcome, id)));
    return out;
  }

  private Map<Operation, Result> rest(Map<Operation, String> ids) {
    Map<Operation, Result> out = new HashMap<>();
    for (var e : ids.entrySet()) {
      Operation op = e.getKey();
      String sobject = op.object().apiName();
      switch (op.kind()) {
        case CREATE -> out.put(op, applied(client.create(sobject, op.fields())));
        case UPDATE -> client.update(sobject, e.getValue(), op.fields());
        case DELETE -> client.delete(sobject, e.getValue());
      }
      out.putIfAbsent(op, applied(e.getValue()));
    }
    return out;
  }

  private static Result applied(String id) {
    return new Result(Write.Outcome.APPLIED, id);
  }

  private Map<Operation, Result> collections(Map<Operation, String> ids) {
    List<Operation> ops = List.copyOf(ids.keySet());
    String sobject = ops.get(0).object().apiName();
    List<SaveResult> saved =
        switch (ops.get(0).kind()) {
          case CREATE -> client.collections().create(sobject, rows(ids, false), false);
          case UPDATE -> client.collections().update(sobject, rows(ids, true), false);
          case DELETE -> client.collections().delete(List.copyOf(ids.values()), false);
        };
    Map<Operation, Result> out = new HashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      SaveResult s = saved.get(i);
      out.put(ops.get(i), result(s.success(), s.id().orElse(ids.get(ops.get(i)))));
    }
    return out;
  }

  private static Result result(boolean success, String id) {
    return new Result(success ? Write.Outcome.APPLIED : Write.Outcome.NOT_APPLIED, id);
  }

  private static List<Map<String, Object>> rows(Map<Operation, String> ids, boolean withId) {
    List<Map<String, Object>> rows = new ArrayList<>();
    ids.forEach(
        (op, id) -> {
          Map<String, Object> row = new HashMap<>(op.fields());
          if (withId) {
            row.put("Id", id);
          }
          rows.add(row);
        });
    return rows;
  }

  private Map<Operation, Result> bulk(Map<Operation, String> ids) {
    List<Operation> ops = List.copyOf(ids.keySet());
    Operation first = ops.get(0);
    io.pgforce.salesforce.bulk.Operation operation =
        switch (first.kind()) {
          case CREATE -> io.pgforce.salesforce.bulk.Operation.INSERT;
          case UPDATE -> io.pgforce.salesforce.bulk.Operation.UPDATE;
          case DELETE -> io.pgforce.salesforce.bulk.Operation.DELETE;
        };
    List<Map<String, Object>> rows =
        first.kind() == Write.Kind.DELETE
            ? ids.values().stream().map(id -> Map.<String, Object>of("Id", id)).toList()
            : rows(ids, first.kind() != Write.Kind.CREATE);
    IngestResult result = client.bulk().ingest(first.object().apiName(), operation, null, rows);
    return bulkOutcomes(ops, ids, result, first.object().keyField());
  }

  /**
   * Matches a job's result rows back to the operations: by key for inserts, by Id otherwise. A row
   * the results do not mention is uncertain.
   */
  private static Map<Operation, Result> bulkOutcomes(
      List<Operation> ops, Map<Operation, String> ids, IngestResult result, String keyField) {
    Map<String, Operation> byName = new HashMap<>();
    for (Operation op : ops) {
      byName.put(op.kind() == Write.Kind.CREATE ? op.key() : ids.get(op), op);
    }
    String column = ops.get(0).kind() == Write.Kind.CREATE ? keyField : "Id";
    Map<Operation, Result> out = all(ids, Write.Outcome.UNCERTAIN);
    for (var row : result.successful()) {
      Operation op = byName.get(row.fields().get(column));
      if (op != null) {
        out.put(op, applied(row.id()));
      }
    }
    for (var row : result.failed()) {
      Operation op = byName.get(row.fields().get(column));
      if (op != null) {
        out.put(op, new Result(Write.Outcome.NOT_APPLIED, ids.get(op)));
      }
    }
    return out;
  }

  private Map<Operation, Result> dml(Map<Operation, String> ids) {
    DmlOptions as = DmlOptions.asUser(org.userId()).withAllOrNone(false);
    List<Operation> ops = List.copyOf(ids.keySet());
    String sobject = ops.get(0).object().apiName();
    List<io.pgforce.emulator.store.SaveResult> saved =
        switch (ops.get(0).kind()) {
          case CREATE ->
              org.dml()
                  .create(ops.stream().map(o -> RecordInput.of(sobject, o.fields())).toList(), as);
          case UPDATE ->
              org.dml()
                  .update(
                      ops.stream()
                          .map(o -> RecordInput.update(sobject, ids.get(o), o.fields()))
                          .toList(),
                      as);
          case DELETE -> org.dml().delete(List.copyOf(ids.values()), as);
        };
    Map<Operation, Result> out = new HashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      var s = saved.get(i);
      out.put(ops.get(i), result(s.success(), s.id().orElse(ids.get(ops.get(i)))));
    }
    return out;
  }

  private void record(Channel channel, Operation op, Result r, Instant start, Instant end) {
    ledger.record(
        new Write(
            op.object(),
            op.key(),
            Write.Side.SALESFORCE,
            channel.name(),
            op.kind(),
            op.canonicalFields(),
            start,
            end,
            r.outcome()));
    if (op.kind() == Write.Kind.CREATE && r.id() != null) {
      ledger.find(op.key()).ifPresent(h -> h.learnSfid(r.id())); // the history exists only now
    }
  }
}
