package io.pgforce.engine.outbound;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.WriteError;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one round of merged writes into Salesforce calls: grouped by table and kind, tables of
 * parent objects before their children's (so a child can refer to a parent created in the same
 * round), each write carrying its row's values as they are now.
 */
final class WriteBatches {

  private final CurrentRows currentRows;
  private final SalesforcePush push;
  private final Map<String, TableDefinition> tables;

  WriteBatches(
      Database db, SyncSchema schema, SalesforcePush push, Map<String, TableDefinition> tables) {
    this.currentRows = new CurrentRows(db, schema);
    this.push = push;
    this.tables = tables;
  }

  /** Ends the push's call threads; the writer that owned these batches has ended. */
  void close() {
    push.close();
  }

  /**
   * Pushes a round and returns every write's outcome. Each outcome also goes to {@code answered}
   * once, as soon as it is known (a call's as that call answers), to be recorded.
   */
  List<WriteOutcome> push(List<PendingWrite> writes, Consumer<List<WriteOutcome>> answered) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    Consumer<List<WriteOutcome>> known =
        some -> {
          answered.accept(some);
          outcomes.addAll(some);
        };
    Map<String, List<PendingWrite>> byTable = new LinkedHashMap<>();
    List<WriteOutcome> unsent = new ArrayList<>();
    for (PendingWrite w : writes) {
      if (w.kind() == Kind.NOTHING || !tables.containsKey(w.table())) {
        // nothing to send, or a table no mapping writes any more (its entries end IGNORED)
        unsent.add(WriteOutcome.success(gone(w), w.sfid()));
      } else {
        byTable.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w);
      }
    }
    known.accept(unsent);
    for (String table : parentsFirst(byTable.keySet())) {
      pushTableOrWait(tables.get(table), byTable.get(table), known);
    }
    return outcomes;
  }

  /**
   * A table whose rows cannot be read (the database restarting) waits for the next round. Its
   * writes were not sent; the tables already pushed keep their results, which must be recorded:
   * handing the whole round back would create their inserted records a second time.
   */
  private void pushTableOrWait(
      TableDefinition def, List<PendingWrite> claimed, Consumer<List<WriteOutcome>> known) {
    Map<Long, Map<String, Object>> rows;
    try {
      rows = currentRows.read(def, claimed.stream().map(PendingWrite::recordId).toList());
    } catch (SQLException e) {
      WriteError error = new WriteError("DATABASE_UNAVAILABLE", e.getMessage(), List.of());
      known.accept(claimed.stream().map(w -> WriteOutcome.retry(w, error)).toList());
      return;
    }
    pushTable(def, claimed, rows, known);
  }

  private void pushTable(
      TableDefinition def,
      List<PendingWrite> claimed,
      Map<Long, Map<String, Object>> rows,
      Consumer<List<WriteOutcome>> known) {
    List<PendingWrite> writes =
        claimed.stream().map(w -> withRowSfid(w, rows.get(w.recordId()))).toList();
    for (Kind kind : List.of(Kind.INSERT, Kind.UPDATE, Kind.DELETE)) {
      List<WriteOutcome> outcomes = new ArrayList<>();
      List<PendingWrite> ofKind = new ArrayList<>();
      List<Map<String, Object>> payloads = new ArrayList<>();
      for (PendingWrite w : writes) {
        if (w.kind() != kind) {
          continue;
        }
        Map<String, Object> row = rows.get(w.recordId());
        if (row == null && kind != Kind.DELETE) {
          outcomes.add(
              WriteOutcome.success(gone(w), w.sfid())); // deleted since: its DELETE follows
          continue;
        }
        if (kind == Kind.UPDATE && "SYNCED".equals(row.get("_hc_lastop"))) {
          // a later change in Salesforce superseded this one (see ConflictResolver): not sent
          outcomes.add(WriteOutcome.success(gone(w), w.sfid()));
          continue;
        }
        ofKind.add(w);
        payloads.add(kind == Kind.DELETE ? Map.of() : Payloads.fields(def, w, row));
      }
      known.accept(outcomes);
      if (!ofKind.isEmpty()) {
        push.push(def, kind, ofKind, payloads, known);
      }
    }
  }

  /**
   * An edit made while the row's insert was being pushed is logged without an sfid, so on its own
   * it looks like an insert; but the row has its sfid by now, and sending it as an insert would
   * create the record a second time. The row says what the write is.
   */
  private static PendingWrite withRowSfid(PendingWrite w, Map<String, Object> row) {
    if (w.kind() != Kind.INSERT || row == null || row.get("sfid") == null) {
      return w;
    }
    return new PendingWrite(
        w.table(),
        w.recordId(),
        Kind.UPDATE,
        (String) row.get("sfid"),
        w.columns(),
        w.entryIds(),
        w.firstChangeAt());
  }

  private static PendingWrite gone(PendingWrite w) {
    return new PendingWrite(
        w.table(),
        w.recordId(),
        Kind.NOTHING,
        w.sfid(),
        w.columns(),
        w.entryIds(),
        w.firstChangeAt());
  }

  /** Orders tables so that a table comes after every table whose object its references point to. */
  private List<String> parentsFirst(Set<String> names) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String name : names) {
      visit(name, names, ordered, new LinkedHashSet<>());
    }
    return new ArrayList<>(ordered);
  }

  private void visit(String table, Set<String> names, Set<String> ordered, Set<String> path) {
    if (ordered.contains(table) || !path.add(table)) {
      return; // done already, or a cycle (self-references): keep the order we have
    }
    for (Column col : tables.get(table).columns()) {
      for (String parent : col.field().referenceTo()) {
        String parentTable = parent.toLowerCase(java.util.Locale.ROOT);
        if (names.contains(parentTable)) {
          visit(parentTable, names, ordered, path);
        }
      }
    }
    ordered.add(table);
  }
}
