package io.pgforce.engine.outbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.WriteError;
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
    private final Map<String, List<Object[]>> rowsByTable = new LinkedHashMap<>();
    private final Map<List<String>, List<Long>> entriesByState = new LinkedHashMap<>();

    void row(PendingWrite w, String sfid, String lastop, String err) {
      rowsByTable
          .computeIfAbsent(w.table(), t -> new ArrayList<>())
          .add(
              new Object[] {
                sfid, lastop, err, w.table(), w.recordId(), w.resultEntry(), w.recordId()
              });
    }

    void entries(List<Long> ids, String state, String message) {
      entriesByState
          .computeIfAbsent(Arrays.asList(state, message), k -> new ArrayList<>())
          .addAll(ids);
    }

    void flush(Connection c) throws SQLException {
      for (Map.Entry<String, List<Object[]>> table : rowsByTable.entrySet()) {
        adoptInboundCopies(c, table.getKey(), table.getValue());
        stampWaitingEntries(c, table.getKey(), table.getValue());
        try (PreparedStatement ps = c.prepareStatement(rowSql(table.getKey()))) {
          for (Object[] values : table.getValue()) {
            for (int i = 0; i < values.length; i++) {
              ps.setObject(i + 1, values[i]);
            }
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      for (Map.Entry<List<String>, List<Long>> group : entriesByState.entrySet()) {
        setEntries(c, group.getValue(), group.getKey().get(0), group.getKey().get(1));
      }
    }
  }

  /**
   * An insert's own change event (or a poll) can reach Postgres before its result is recorded: the
   * inbound side then finds no row with the new sfid and inserts a copy, and writing the sfid back
   * to the application's row would break the sfid's uniqueness. The application's row keeps its id
   * and takes the sfid; the copy goes, its waiting changes moving to the row. Salesforce's values
   * come back on the next poll, which re-reads the overlap window.
   */
  private void adoptInboundCopies(Connection c, String table, List<Object[]> rows)
      throws SQLException {
    String sql =
        """
        WITH copy AS (DELETE FROM %1$s WHERE sfid = ? AND id <> ? RETURNING id)
        UPDATE %2$s l SET record_id = ? FROM copy
        WHERE l.table_name = ? AND l.record_id = copy.id AND l.state = 'NEW'"""
            .formatted(schema.table(table), schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        if ("INSERTED".equals(row[1]) && row[0] != null) {
          ps.setObject(1, row[0]);
          ps.setObject(2, row[4]);
          ps.setObject(3, row[4]);
          ps.setObject(4, table);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /**
   * Entries logged while an insert was being pushed carry no sfid. Once the insert is recorded they
   * get it, so a delete among them deletes the record (its row is gone: the log is all that knows).
   */
  private void stampWaitingEntries(Connection c, String table, List<Object[]> rows)
      throws SQLException {
    String sql =
        "UPDATE %s SET sfid = ? WHERE table_name = ? AND record_id = ? AND sfid IS NULL AND state = 'NEW'"
            .formatted(schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        if ("INSERTED".equals(row[1]) && row[0] != null) {
          ps.setObject(1, row[0]);
          ps.setObject(2, table);
          ps.setObject(3, row[4]);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private String rowSql(String table) {
    return """
        UPDATE %s t SET sfid = coalesce(?, t.sfid),
          _hc_lastop = CASE WHEN newer.waiting THEN t._hc_lastop ELSE ? END,
          _hc_err = CASE WHEN newer.waiting THEN t._hc_err ELSE ? END
        FROM (SELECT EXISTS (SELECT 1 FROM %s WHERE table_name = ? AND record_id = ? AND id > ?
                AND state IN ('NEW', 'PENDING')) AS waiting) newer
        WHERE t.id = ?"""
        .formatted(schema.table(table), schema.table("_trigger_log"));
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
