package io.pgforce.engine.inbound;

import io.pgforce.engine.outbound.HstoreText;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The trigger-log entries (NEW or PENDING) of rows whose own change waits to be pushed. */
final class WaitingEntries {

  /** One entry: the columns it changed ({@code values}) and the row before it ({@code old}). */
  record Entry(long id, long recordId, String state, Instant createdAt, String values, String old) {

    Map<String, String> columns() {
      return HstoreText.parse(values);
    }

    Map<String, String> before() {
      return HstoreText.parse(old);
    }

    boolean touchesAny(Set<String> names) {
      return columns().keySet().stream().anyMatch(names::contains);
    }
  }

  private final SyncSchema schema;

  WaitingEntries(SyncSchema schema) {
    this.schema = schema;
  }

  /**
   * The entries of the PENDING rows among {@code sfids}, by sfid, each list in log order. The rows
   * are locked first, which waits for the application's transactions on them: an entry committed a
   * moment after it was read would otherwise miss the decision, and the row's column it changed be
   * set back to Salesforce's value. The entries are locked too, so each one's state holds until the
   * caller commits: a writer claiming an entry read as NEW would push the local value the caller
   * decided to drop (the claim skips locked entries; one under way is waited for, then seen
   * PENDING).
   */
  Map<String, List<Entry>> of(Connection c, TableDefinition def, Collection<String> sfids)
      throws SQLException {
    List<Long> rows = lock(c, def, sfids);
    if (rows.isEmpty()) {
      return Map.of();
    }
    // by the locked rows' ids, not by a join: with statistics from before a big backlog the
    // planner may drive a join from the log and read every waiting entry of the table
    String sql =
        """
        SELECT t.sfid, l.id, t.id, l.state, l.created_at, l."values", l.old
        FROM %s t JOIN %s l ON l.record_id = t.id
        WHERE l.table_name = ? AND l.state IN ('NEW', 'PENDING')
          AND l.record_id = ANY (?::bigint[]::integer[]) AND t.id = ANY (?)
        ORDER BY l.id FOR UPDATE OF l"""
            .formatted(schema.table(def.table()), schema.table("_trigger_log"));
    Map<String, List<Entry>> found = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Object[] ids = rows.toArray();
      ps.setString(1, def.table());
      ps.setArray(2, c.createArrayOf("bigint", ids));
      ps.setArray(3, c.createArrayOf("bigint", ids));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(entry(rs));
        }
      }
    }
    return found;
  }

  /** Locks the PENDING rows among {@code sfids}, in id order; their ids. */
  private List<Long> lock(Connection c, TableDefinition def, Collection<String> sfids)
      throws SQLException {
    String sql =
        "SELECT id FROM %s WHERE sfid = ANY (?) AND _hc_lastop = 'PENDING' ORDER BY id FOR UPDATE"
            .formatted(schema.table(def.table()));
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("varchar", sfids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getTimestamp(5).toInstant(),
        rs.getString(6),
        rs.getString(7));
  }
}
