package io.pgforce.engine.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides what happens when a Salesforce change meets a row whose own change is still waiting to be
 * pushed: the later write wins. When Salesforce's is later, the waiting local entries are set
 * {@code IGNORED} and the row takes Salesforce's values; when the local one is later (or in the
 * same second, SystemModstamp's precision), the row keeps its values and the push carries them to
 * Salesforce. Either way the conflict is recorded with both sides' values.
 */
final class ConflictResolver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SyncSchema schema;

  ConflictResolver(SyncSchema schema) {
    this.schema = schema;
  }

  /** Settles conflicts among {@code rows} before they are applied, on the caller's transaction. */
  void resolve(Connection c, TableDefinition def, List<InboundRow> rows) throws SQLException {
    Map<String, InboundRow> incoming = new HashMap<>();
    rows.stream().filter(r -> !r.deleted()).forEach(r -> incoming.put(r.sfid(), r));
    if (incoming.isEmpty()) {
      return;
    }
    for (Waiting w : waiting(c, def, incoming.keySet())) {
      InboundRow remote = incoming.get(w.sfid());
      boolean salesforceWins =
          remote.systemModstamp().isAfter(w.localAt().plusSeconds(1).minusNanos(1));
      record(c, def, w, remoteJson(def, remote), remote.systemModstamp(), salesforceWins);
      if (salesforceWins) {
        dropLocalChange(c, def, w, remote.systemModstamp());
      }
    }
  }

  /**
   * Settles a change event's update of a row whose own change waits, by the same rule. The event
   * carries only the fields that changed, so it is recorded with those; when Salesforce's change
   * wins, the caller has a poll read the whole record, since the row's other local changes are
   * dropped too.
   *
   * @param changed the event's changed columns and their values as text
   * @return whether Salesforce's change won
   */
  boolean resolveUpdate(
      Connection c, TableDefinition def, String sfid, Map<String, String> changed, Instant at)
      throws SQLException {
    for (Waiting w : waiting(c, def, java.util.Set.of(sfid))) {
      boolean salesforceWins = at.isAfter(w.localAt().plusSeconds(1).minusNanos(1));
      record(c, def, w, JSON.valueToTree(changed).toString(), at, salesforceWins);
      if (salesforceWins) {
        dropLocalChange(c, def, w, at);
      }
      return salesforceWins;
    }
    return false;
  }

  /** A row with a change waiting: its id, and the time and values of its latest waiting entry. */
  private record Waiting(String sfid, long recordId, Instant localAt, String localValues) {}

  private List<Waiting> waiting(Connection c, TableDefinition def, java.util.Set<String> sfids)
      throws SQLException {
    String sql =
        """
        SELECT DISTINCT ON (t.id) t.sfid, t.id, l.created_at, l."values"
        FROM %s t JOIN %s l ON l.table_name = ? AND l.record_id = t.id AND l.state IN ('NEW', 'PENDING')
        WHERE t.sfid = ANY (?) AND t._hc_lastop = 'PENDING'
        ORDER BY t.id, l.id DESC"""
            .formatted(schema.table(def.table()), schema.table("_trigger_log"));
    List<Waiting> found = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Array ids = c.createArrayOf("varchar", sfids.toArray());
      ps.setString(1, def.table());
      ps.setArray(2, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new Waiting(
                  rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
        }
      }
    }
    return found;
  }

  /**
   * Sets the local entries Salesforce's change superseded {@code IGNORED}: those logged at least a
   * second before it (the rule above). An entry logged after that, for instance a delete that
   * committed while this decision was being made, is newer than Salesforce's change and still goes
   * out; the row then stays {@code PENDING} for it.
   */
  private void dropLocalChange(Connection c, TableDefinition def, Waiting w, Instant remoteAt)
      throws SQLException {
    String log = schema.table("_trigger_log");
    String entries =
        "UPDATE %s SET state = 'IGNORED', sf_message = 'superseded by a later change in Salesforce',"
                .formatted(log)
            + " processed_at = clock_timestamp() WHERE table_name = ? AND record_id = ? AND state = 'NEW'"
            + " AND created_at <= ?";
    try (PreparedStatement ps = c.prepareStatement(entries)) {
      ps.setString(1, def.table());
      ps.setLong(2, w.recordId());
      ps.setTimestamp(3, Timestamp.from(remoteAt.minusSeconds(1)));
      ps.executeUpdate();
    }
    String row =
        "UPDATE %s t SET _hc_lastop = 'SYNCED', _hc_err = NULL WHERE id = ? AND NOT EXISTS"
                .formatted(schema.table(def.table()))
            + " (SELECT 1 FROM %s l WHERE l.table_name = ? AND l.record_id = t.id AND l.state = 'NEW')"
                .formatted(log);
    try (PreparedStatement ps = c.prepareStatement(row)) {
      ps.setLong(1, w.recordId());
      ps.setString(2, def.table());
      ps.executeUpdate();
    }
  }

  private void record(
      Connection c,
      TableDefinition def,
      Waiting w,
      String remoteValues,
      Instant remoteAt,
      boolean salesforceWins)
      throws SQLException {
    String sql =
        """
        INSERT INTO pgforce.conflict (object_name, sfid, record_id, local_values, local_at, remote_values, remote_at, winner)
        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, def.mapping().objectName());
      ps.setString(2, w.sfid());
      ps.setLong(3, w.recordId());
      ps.setString(4, w.localValues());
      ps.setTimestamp(5, Timestamp.from(w.localAt()));
      ps.setString(6, remoteValues);
      ps.setTimestamp(7, Timestamp.from(remoteAt));
      ps.setString(8, salesforceWins ? "SALESFORCE" : "LOCAL");
      ps.executeUpdate();
    }
  }

  private static String remoteJson(TableDefinition def, InboundRow remote) {
    ObjectNode node = JSON.createObjectNode();
    for (int i = 0; i < def.columns().size(); i++) {
      node.put(def.columns().get(i).name(), remote.values().get(i));
    }
    return node.toString();
  }
}
