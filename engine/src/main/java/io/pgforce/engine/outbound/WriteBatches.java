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

  List<WriteOutcome> push(List<PendingWrite> writes) {
    List<WriteOutcome> outcomes = new ArrayList<>();
    Map<String, List<PendingWrite>> byTable = new LinkedHashMap<>();
    for (PendingWrite w : writes) {
      if (w.kind() == Kind.NOTHING || !tables.containsKey(w.table())) {
        // nothing to send, or a table no mapping writes any more (its entries end IGNORED)
        outcomes.add(WriteOutcome.success(gone(w), w.sfid()));
      } else {
        byTable.computeIfAbsent(w.table(), t -> new ArrayList<>()).add(w);
      }
    }
    for (String table : parentsFirst(byTable.keySet())) {
      outcomes.addAll(pushTableOrWait(tables.get(table), byTable.get(table)));
    }
    return outcomes;
  }

  /**
   * A table whose rows cannot be read (the database restarting) waits for the next round. Its
   * writes were not sent; the tables already pushed keep their results, which must be recorded:
   * handing the whole round back would create their inserted records a second time.
   */
  private List<WriteOutcome> pushTableOrWait(TableDefinition def, List<PendingWrite> claimed) {
    try {
      return pushTable(def, claimed);
    } catch (SQLException e) {
      WriteError error = new WriteError("DATABASE_UNAVAILABLE", e.getMessage(), List.of());
      return claimed.stream().map(w -> WriteOutcome.retry(w, error)).toList();
    }
  }

  private List<WriteOutcome> pushTable(TableDefinition def, List<PendingWrite> claimed)
      throws SQLException {
    Map<Long, Map<String, Object>> rows =
        currentRows.read(def, claimed.stream().map(PendingWrite::recordId).toList());
    List<PendingWrite> writes =
        claimed.stream().map(w -> withRowSfid(w, rows.get(w.recordId()))).toList();
    List<WriteOutcome> outcomes = new ArrayList<>();
    for (Kind kind : List.of(Kind.INSERT, Kind.UPDATE, Kind.DELETE)) {
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
      if (!ofKind.isEmpty()) {
        outcomes.addAll(push.push(def, kind, ofKind, payloads));
      }
    }
    return outcomes;
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
