package io.pgforce.engine.outbound;

import io.pgforce.engine.outbound.LogEntry.Action;
import io.pgforce.engine.schema.SyncSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The trigger log as a work queue. Claiming moves entries from {@code NEW} to {@code PENDING} in
 * one statement with {@code SKIP LOCKED}, so two writers never claim the same entry, and takes a
 * claimed record's later entries along so its whole backlog becomes one write; entries a crashed
 * writer left {@code PENDING} are handed back by {@link #requeueStale}.
 */
public final class TriggerLogQueue {

  private final SyncSchema schema;

  public TriggerLogQueue(SyncSchema schema) {
    this.schema = schema;
  }

  /** Claims up to {@code limit} of the oldest NEW entries, returned in id order. */
  public List<LogEntry> claim(Connection c, int limit) throws SQLException {
    String log = schema.table("_trigger_log");
    // The oldest entries, then every other NEW entry of the same records: a record's whole
    // backlog is merged into one write, however many edits it holds.
    String sql =
        """
        WITH first AS (
          SELECT id, table_name, record_id FROM %1$s WHERE state = 'NEW' ORDER BY id LIMIT ?
          FOR UPDATE SKIP LOCKED),
        same_records AS (
          SELECT l.id FROM %1$s l
          JOIN (SELECT DISTINCT table_name, record_id FROM first) f USING (table_name, record_id)
          WHERE l.state = 'NEW' FOR UPDATE OF l SKIP LOCKED),
        claimed AS (SELECT id FROM first UNION SELECT id FROM same_records)
        UPDATE %1$s t SET state = 'PENDING', updated_at = clock_timestamp(), processed_tx = txid_current()
        FROM claimed WHERE t.id = claimed.id
        RETURNING t.id, t.action, t.table_name, t.record_id, t.sfid, t."values", t.created_at"""
            .formatted(log);
    List<LogEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
    }
    entries.sort(Comparator.comparingLong(LogEntry::id));
    return entries;
  }

  /** Every PENDING entry, in id order: at start, what a writer that died had claimed. */
  public List<LogEntry> pending(Connection c) throws SQLException {
    String sql =
        "SELECT id, action, table_name, record_id, sfid, \"values\", created_at FROM "
            + schema.table("_trigger_log")
            + " WHERE state = 'PENDING' ORDER BY id";
    List<LogEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        entries.add(entry(rs));
      }
    }
    return entries;
  }

  /** Hands PENDING entries older than {@code age} back to NEW: their writer died mid-push. */
  public int requeueStale(Connection c, Duration age) throws SQLException {
    String sql =
        "UPDATE "
            + schema.table("_trigger_log")
            + " SET state = 'NEW', updated_at = clock_timestamp()"
            + " WHERE state = 'PENDING' AND updated_at < clock_timestamp() - make_interval(secs => ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, age.toSeconds());
      return ps.executeUpdate();
    }
  }

  /** Hands claimed entries that are still PENDING back to NEW. */
  public int release(Connection c, List<Long> ids) throws SQLException {
    String sql =
        "UPDATE "
            + schema.table("_trigger_log")
            + " SET state = 'NEW', updated_at = clock_timestamp()"
            + " WHERE state = 'PENDING' AND id = ANY (?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      return ps.executeUpdate();
    }
  }

  /** Number of entries waiting to be pushed (NEW or PENDING): the outbound backlog. */
  public long backlog(Connection c) throws SQLException {
    String sql =
        "SELECT count(*) FROM "
            + schema.table("_trigger_log")
            + " WHERE state IN ('NEW', 'PENDING')";
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static LogEntry entry(ResultSet rs) throws SQLException {
    return new LogEntry(
        rs.getLong(1),
        Action.valueOf(rs.getString(2)),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        HstoreText.parse(rs.getString(6)).keySet(),
        rs.getTimestamp(7).toInstant());
  }
}
