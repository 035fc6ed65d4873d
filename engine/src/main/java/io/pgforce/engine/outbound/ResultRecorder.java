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
import java.util.List;

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

  /** Records outcomes on the caller's connection (and so in its transaction). */
  public void record(Connection c, List<WriteOutcome> outcomes) throws SQLException {
    for (WriteOutcome o : outcomes) {
      switch (o.result()) {
        case SUCCESS -> recordSuccess(c, o);
        case FAILED -> recordFailure(c, o);
        case RETRY -> setEntries(c, o.write().entryIds(), "NEW", null);
      }
    }
  }

  private void recordSuccess(Connection c, WriteOutcome o) throws SQLException {
    PendingWrite w = o.write();
    if (w.kind() == Kind.INSERT || w.kind() == Kind.UPDATE) {
      updateRow(
          c, w, o.sfid().orElse(w.sfid()), w.kind() == Kind.INSERT ? "INSERTED" : "UPDATED", null);
    }
    setEntries(c, w.mergedEntries(), "MERGED", null);
    setEntries(c, List.of(w.resultEntry()), w.kind() == Kind.NOTHING ? "IGNORED" : "SUCCESS", null);
  }

  private void recordFailure(Connection c, WriteOutcome o) throws SQLException {
    PendingWrite w = o.write();
    WriteError e = o.error().orElseThrow();
    if (w.kind() != Kind.DELETE) {
      updateRow(c, w, w.sfid(), "FAILED", errorJson(w, e));
    }
    setEntries(c, w.mergedEntries(), "MERGED", null);
    setEntries(c, List.of(w.resultEntry()), "FAILED", e.code() + ": " + e.message());
  }

  private void updateRow(Connection c, PendingWrite w, String sfid, String lastop, String err)
      throws SQLException {
    String sql =
        "UPDATE "
            + schema.table(w.table())
            + " t SET sfid = coalesce(?, t.sfid),"
            + " _hc_lastop = CASE WHEN newer.waiting THEN t._hc_lastop ELSE ? END,"
            + " _hc_err = CASE WHEN newer.waiting THEN t._hc_err ELSE ? END"
            + " FROM (SELECT EXISTS (SELECT 1 FROM "
            + schema.table("_trigger_log")
            + " WHERE table_name = ? AND record_id = ? AND id > ? AND state IN ('NEW', 'PENDING'))"
            + " AS waiting) newer WHERE t.id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, sfid);
      ps.setString(2, lastop);
      ps.setString(3, err);
      ps.setString(4, w.table());
      ps.setLong(5, w.recordId());
      ps.setLong(6, w.resultEntry());
      ps.setLong(7, w.recordId());
      ps.executeUpdate();
    }
  }

  private void setEntries(Connection c, List<Long> ids, String state, String message)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    String sql =
        "UPDATE "
            + schema.table("_trigger_log")
            + " SET state = ?, sf_message = ?,"
            + " updated_at = clock_timestamp(),"
            + " processed_at = CASE WHEN ? = 'NEW' THEN NULL ELSE clock_timestamp() END"
            + " WHERE id = ANY (?)";
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
