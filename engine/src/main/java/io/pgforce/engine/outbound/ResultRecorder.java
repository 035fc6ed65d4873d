package io.pgforce.engine.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.WriteError;
import io.pgforce.engine.schema.Sql;
import io.pgforce.engine.schema.SyncSchema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what Salesforce answered back to Postgres, on a sync session so none of it is logged as a
 * change: the new {@code sfid} of an insert, the row's {@code _hc_lastop} and {@code _hc_err}, and
 * the state of every log entry the write settled.
 *
 * <p>A row's status is only touched when no newer change of it is waiting: if the application
 * edited the row while it was being pushed, the row stays {@code PENDING} for that edit.
 */
public final class ResultRecorder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SyncSchema schema;

  public ResultRecorder(SyncSchema schema) {
    this.schema = schema;
  }

  /** Records outcomes on the caller's connection (and so in its transaction), in a few batches. */
  public void record(Connection c, List<WriteOutcome> outcomes) throws SQLException {
    ArrayPlans.forTheirValues(c); // the statements below take the round as arrays
    Batch batch = new Batch();
    for (WriteOutcome o : outcomes) {
      switch (o.result()) {
        case SUCCESS -> success(batch, o);
        case FAILED -> failure(batch, o);
        case RETRY -> batch.entries(o.write().entryIds(), "NEW", null);
      }
    }
    batch.flush(c);
  }

  private void success(Batch batch, WriteOutcome o) {
    PendingWrite w = o.write();
    if (w.kind() == Kind.INSERT || w.kind() == Kind.UPDATE) {
      batch.row(
          w, o.sfid().orElse(w.sfid()), w.kind() == Kind.INSERT ? "INSERTED" : "UPDATED", null);
    }
    batch.entries(w.mergedEntries(), "MERGED", null);
    batch.entries(List.of(w.resultEntry()), w.kind() == Kind.NOTHING ? "IGNORED" : "SUCCESS", null);
  }

  private void failure(Batch batch, WriteOutcome o) {
    PendingWrite w = o.write();
    WriteError e = o.error().orElseThrow();
    if (w.kind() != Kind.DELETE) {
      batch.row(w, w.sfid(), "FAILED", errorJson(w, e));
    }
    batch.entries(w.mergedEntries(), "MERGED", null);
    batch.entries(List.of(w.resultEntry()), "FAILED", e.code() + ": " + e.message());
  }

  /** One round's row and log changes, grouped so each kind of statement goes out once. */
  private final class Batch {
    private final Map<String, RowChanges> rowsByTable = new LinkedHashMap<>();
    private final Map<List<String>, List<Long>> entriesByState = new LinkedHashMap<>();

    void row(PendingWrite w, String sfid, String lastop, String err) {
      rowsByTable.computeIfAbsent(w.table(), t -> new RowChanges()).add(w, sfid, lastop, err);
    }

    void entries(List<Long> ids, String state, String message) {
      entriesByState
          .computeIfAbsent(Arrays.asList(state, message), k -> new ArrayList<>())
          .addAll(ids);
    }

    void flush(Connection c) throws SQLException {
      for (Map.Entry<String, RowChanges> table : rowsByTable.entrySet()) {
        String name = table.getKey();
        RowChanges rows = table.getValue();
        rows.lock(c, lockSql(name));
        Inserted inserted = rows.inserted();
        if (!inserted.sfids().isEmpty()) {
          inserted.run(
              c,
              adoptInboundCopiesSql(name),
              inserted.sfids(),
              inserted.rowIds(),
              inserted.sfids());
          inserted.run(
              c,
              stampWaitingEntriesSql(name),
              inserted.sfids(),
              inserted.rowIds(),
              inserted.rowIds());
        }
        rows.apply(c, rowSql(name));
      }
      for (Map.Entry<List<String>, List<Long>> group : entriesByState.entrySet()) {
        setEntries(c, group.getValue(), group.getKey().get(0), group.getKey().get(1));
      }
    }
  }

  /** One table's row changes as parallel arrays: a single set-based UPDATE applies them all. */
  private static final class RowChanges {
    private final List<String> sfids = new ArrayList<>();
    private final List<String> lastops = new ArrayList<>();
    private final List<String> errs = new ArrayList<>();
    private final List<Long> recordIds = new ArrayList<>();
    private final List<Long> resultEntries = new ArrayList<>();

    void add(PendingWrite w, String sfid, String lastop, String err) {
      sfids.add(sfid);
      lastops.add(lastop);
      errs.add(err);
      recordIds.add(w.recordId());
      resultEntries.add(w.resultEntry());
    }

    void lock(Connection c, String sql) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("bigint", recordIds.toArray()));
        ps.executeQuery().close();
      }
    }

    void apply(Connection c, String sql) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setArray(1, c.createArrayOf("text", sfids.toArray()));
        ps.setArray(2, c.createArrayOf("text", lastops.toArray()));
        ps.setArray(3, c.createArrayOf("text", errs.toArray()));
        ps.setArray(4, c.createArrayOf("bigint", recordIds.toArray()));
        ps.setArray(5, c.createArrayOf("bigint", resultEntries.toArray()));
        ps.setArray(6, c.createArrayOf("bigint", recordIds.toArray()));
        ps.executeUpdate();
      }
    }

    /** The rows of inserts that got an sfid. */
    Inserted inserted() {
      List<String> newSfids = new ArrayList<>();
      List<Long> rowIds = new ArrayList<>();
      for (int i = 0; i < sfids.size(); i++) {
        if ("INSERTED".equals(lastops.get(i)) && sfids.get(i) != null) {
          newSfids.add(sfids.get(i));
          rowIds.add(recordIds.get(i));
        }
      }
      return new Inserted(newSfids, rowIds);
    }
  }

  /** The sfids of a round's inserts and their rows' ids, in the same order. */
  private record Inserted(List<String> sfids, List<Long> rowIds) {

    /** Runs {@code sql} with {@code arrays} (this record's lists, never empty) as parameters. */
    void run(Connection c, String sql, List<?>... arrays) throws SQLException {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < arrays.length; i++) {
          String type = arrays[i].get(0) instanceof String ? "text" : "bigint";
          ps.setArray(i + 1, c.createArrayOf(type, arrays[i].toArray()));
        }
        ps.executeUpdate();
      }
    }
  }

  /**
   * Locks the rows first, which waits for the application's transactions that are changing them.
   * Their log entries are then committed, and the statements below (each with a new snapshot) see
   * them: an update or delete logged while an insert was pushed gets its sfid, where a transaction
   * committing a moment after the stamp would have left it without one and been pushed as a second
   * insert, or dropped as a delete of nothing.
   */
  private String lockSql(String table) {
    return "SELECT id FROM %s WHERE id = ANY (?) ORDER BY id FOR UPDATE"
        .formatted(schema.table(table));
  }

  /**
   * An insert's own change event (or a poll) can reach Postgres before its result is recorded: the
   * inbound side then finds no row with the new sfid and inserts a copy, and writing the sfid back
   * to the application's row would break the sfid's uniqueness. The application's row keeps its id
   * and takes the sfid; the copy goes, its waiting changes moving to the row. Salesforce's values
   * come back on the next poll, which re-reads the overlap window.
   */
  private String adoptInboundCopiesSql(String table) {
    // sfid = ANY lets the plan look the new sfids up in the sfid index: joined only with the
    // unnested arrays, the planner hashed the whole table (a scan of 100,000 rows, 18 ms, for each
    // recording of inserts) to find copies that are almost never there
    return """
        WITH copy AS (
          DELETE FROM %1$s t USING unnest(?::text[], ?::bigint[]) AS r(sfid, record_id)
          WHERE t.sfid = r.sfid AND t.id <> r.record_id AND t.sfid = ANY (?::text[])
          RETURNING t.id, r.record_id)
        UPDATE %2$s l SET record_id = copy.record_id FROM copy
        WHERE l.table_name = %3$s AND l.record_id = copy.id AND l.state = 'NEW'"""
        .formatted(schema.table(table), schema.table("_trigger_log"), Sql.literal(table));
  }

  /**
   * Entries logged while an insert was being pushed carry no sfid. Once the insert is recorded they
   * get it, so a delete among them deletes the record (its row is gone: the log is all that knows).
   */
  private String stampWaitingEntriesSql(String table) {
    // record_id = ANY narrows the log to the round's records before the join (without it the
    // planner may compare every NEW entry of the table with every result); as integer[], the
    // column's own type, a custom plan looks each entry up in a hash of the array
    return """
        UPDATE %1$s l SET sfid = r.sfid FROM unnest(?::text[], ?::bigint[]) AS r(sfid, record_id)
        WHERE l.table_name = %2$s AND l.record_id = r.record_id AND l.sfid IS NULL
          AND l.state = 'NEW' AND l.record_id = ANY (?::bigint[]::integer[])"""
        .formatted(schema.table("_trigger_log"), Sql.literal(table));
  }

  /**
   * Sets each row's sfid and status, unless a newer change of the row is waiting in the log (its
   * entry after the one this result settles): then the row stays as the application left it.
   */
  private String rowSql(String table) {
    // the round's last waiting entry per record, found once for all of them: asked row by row,
    // the planner, with statistics from before a big backlog, may answer each by scanning every
    // waiting entry of the table (326 s for one recording of 9,800 rows in the benchmark)
    return """
        UPDATE %1$s t SET sfid = coalesce(r.sfid, t.sfid),
          _hc_lastop = CASE WHEN w.last_waiting > r.result_entry THEN t._hc_lastop ELSE r.lastop END,
          _hc_err = CASE WHEN w.last_waiting > r.result_entry THEN t._hc_err ELSE r.err END
        FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
            AS r(sfid, lastop, err, record_id, result_entry)
          LEFT JOIN (SELECT l.record_id, max(l.id) AS last_waiting FROM %2$s l
            WHERE l.table_name = %3$s AND l.state IN ('NEW', 'PENDING')
              AND l.record_id = ANY (?::bigint[]::integer[])
            GROUP BY l.record_id) w ON w.record_id = r.record_id
        WHERE t.id = r.record_id"""
        .formatted(schema.table(table), schema.table("_trigger_log"), Sql.literal(table));
  }

  private void setEntries(Connection c, List<Long> ids, String state, String message)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    String sql =
        """
        UPDATE %s SET state = ?, sf_message = ?, updated_at = clock_timestamp(),
          processed_at = CASE WHEN ? = 'NEW' THEN NULL ELSE clock_timestamp() END
        WHERE id = ANY (?)"""
            .formatted(schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Array array = c.createArrayOf("bigint", ids.toArray());
      ps.setString(1, state);
      ps.setString(2, message);
      ps.setString(3, state);
      ps.setArray(4, array);
      ps.executeUpdate();
    }
  }

  /**
   * {@code _hc_err}: the operation, the error's source, and Salesforce's code, message and fields.
   */
  static String errorJson(PendingWrite w, WriteError e) {
    ObjectNode err = JSON.createObjectNode();
    err.put("op", w.kind().name());
    err.put("src", "SFDC");
    err.put("code", e.code());
    err.put("msg", e.message());
    ArrayNode fields = err.putArray("fields");
    e.fields().forEach(fields::add);
    return err.toString();
  }
}
