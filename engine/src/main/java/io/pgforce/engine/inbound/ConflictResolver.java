package io.pgforce.engine.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.outbound.HstoreText;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what happens when a Salesforce change meets a row whose own change is still waiting to be
 * pushed: the later write wins. When Salesforce's is later, the waiting local entries are set
 * {@code IGNORED} and the row takes Salesforce's values; when the local one is later (or in the
 * same second, SystemModstamp's precision), the row keeps its values and the push carries them to
 * Salesforce. Either way the conflict is recorded with both sides' values.
 */
final class ConflictResolver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SUPERSEDED = "superseded by a later change in Salesforce";

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
   * Settles a change event's update of a row whose own change waits, field by field: the event
   * carries only the fields Salesforce changed, and a field only one side changed is no conflict.
   * Where both changed a field, the later write wins by the rule above; a losing local change loses
   * only those fields, and its entry is {@code IGNORED} once nothing is left of it.
   *
   * @param changed the event's changed columns and their values as text
   * @return empty when no change of the row waits (the event applies as usual); otherwise the
   *     columns to set on the row, which keeps its status
   */
  Optional<Map<String, String>> resolveUpdate(
      Connection c, TableDefinition def, String sfid, Map<String, String> changed, Instant at)
      throws SQLException {
    List<WaitingEntry> entries = waitingEntries(c, def, sfid);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    List<WaitingEntry> clashing =
        entries.stream().filter(e -> e.touchesAny(changed.keySet())).toList();
    if (clashing.isEmpty()) {
      return Optional.of(changed);
    }
    WaitingEntry latest = clashing.get(clashing.size() - 1);
    boolean salesforceWins = at.isAfter(latest.createdAt().plusSeconds(1).minusNanos(1));
    record(
        c, def, latest.asWaiting(sfid), JSON.valueToTree(changed).toString(), at, salesforceWins);
    if (!salesforceWins) {
      Map<String, String> theirs = new LinkedHashMap<>(changed);
      clashing.forEach(e -> theirs.keySet().removeAll(e.columns().keySet()));
      return Optional.of(theirs);
    }
    for (WaitingEntry e : clashing) {
      supersede(c, e, changed.keySet());
    }
    markSyncedUnlessWaiting(c, def, latest.recordId());
    return Optional.of(changed);
  }

  /** One NEW or PENDING log entry of a row, with the columns it changed. */
  private record WaitingEntry(
      long id, long recordId, String state, Instant createdAt, String values) {

    Map<String, String> columns() {
      return HstoreText.parse(values);
    }

    boolean touchesAny(java.util.Set<String> names) {
      return columns().keySet().stream().anyMatch(names::contains);
    }

    Waiting asWaiting(String sfid) {
      return new Waiting(sfid, recordId, createdAt, values);
    }
  }

  private List<WaitingEntry> waitingEntries(Connection c, TableDefinition def, String sfid)
      throws SQLException {
    String sql =
        """
        SELECT l.id, t.id, l.state, l.created_at, l."values"
        FROM %s t JOIN %s l ON l.table_name = ? AND l.record_id = t.id AND l.state IN ('NEW', 'PENDING')
        WHERE t.sfid = ? AND t._hc_lastop = 'PENDING' ORDER BY l.id"""
            .formatted(schema.table(def.table()), schema.table("_trigger_log"));
    List<WaitingEntry> found = new java.util.ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, def.table());
      ps.setString(2, sfid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(
              new WaitingEntry(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getString(3),
                  rs.getTimestamp(4).toInstant(),
                  rs.getString(5)));
        }
      }
    }
    return found;
  }

  /**
   * Takes the fields Salesforce's later change won out of a waiting entry, which then pushes only
   * the rest; an entry with nothing left is {@code IGNORED}. An entry already being pushed cannot
   * be changed: its push carries the local values, and its echo settles the row.
   */
  private void supersede(Connection c, WaitingEntry e, java.util.Set<String> lost)
      throws SQLException {
    if (!e.state().equals("NEW")) {
      return;
    }
    Map<String, String> left = new LinkedHashMap<>(e.columns());
    left.keySet().removeAll(lost);
    String sql =
        left.isEmpty()
            ? "UPDATE %s SET state = 'IGNORED', sf_message = '%s', processed_at = clock_timestamp() WHERE id = ?"
            : "UPDATE %s SET \"values\" = ? WHERE id = ?";
    try (PreparedStatement ps =
        c.prepareStatement(sql.formatted(schema.table("_trigger_log"), SUPERSEDED))) {
      int i = 1;
      if (!left.isEmpty()) {
        ps.setString(i++, HstoreText.format(left));
      }
      ps.setLong(i, e.id());
      ps.executeUpdate();
    }
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
        "UPDATE %s SET state = 'IGNORED', sf_message = '%s',".formatted(log, SUPERSEDED)
            + " processed_at = clock_timestamp() WHERE table_name = ? AND record_id = ? AND state = 'NEW'"
            + " AND created_at <= ?";
    try (PreparedStatement ps = c.prepareStatement(entries)) {
      ps.setString(1, def.table());
      ps.setLong(2, w.recordId());
      ps.setTimestamp(3, Timestamp.from(remoteAt.minusSeconds(1)));
      ps.executeUpdate();
    }
    markSyncedUnlessWaiting(c, def, w.recordId());
  }

  /**
   * The row is SYNCED when none of its changes is left to push. An entry being pushed right now
   * does not count: its result sets the row's status when it is recorded.
   */
  private void markSyncedUnlessWaiting(Connection c, TableDefinition def, long recordId)
      throws SQLException {
    String row =
        "UPDATE %s t SET _hc_lastop = 'SYNCED', _hc_err = NULL WHERE id = ? AND NOT EXISTS"
                .formatted(schema.table(def.table()))
            + " (SELECT 1 FROM %s l WHERE l.table_name = ? AND l.record_id = t.id AND l.state = 'NEW')"
                .formatted(schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(row)) {
      ps.setLong(1, recordId);
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
