package io.pgforce.engine.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgforce.engine.inbound.WaitingEntries.Entry;
import io.pgforce.engine.outbound.HstoreText;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what happens when a Salesforce change meets a row whose own change is still waiting to be
 * pushed, field by field. A field only one side changed is no conflict: Salesforce's fields are set
 * on the row, which stays PENDING, and the local ones are still pushed. Where both sides changed a
 * field, the later write wins (the same second goes to the local edit, SystemModstamp's precision):
 * a later Salesforce edit takes that field out of the waiting entries, which are {@code IGNORED}
 * once nothing is left of them; a later local edit keeps it. Either way the conflict is recorded
 * with both sides' values.
 */
final class ConflictResolver {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SUPERSEDED = "superseded by a later change in Salesforce";

  /** Columns that say which record and when, not what it holds. */
  private static final Set<String> NOT_DATA = Set.of("sfid", "systemmodstamp");

  private final SyncSchema schema;
  private final WaitingEntries waiting;

  ConflictResolver(SyncSchema schema) {
    this.schema = schema;
    this.waiting = new WaitingEntries(schema);
  }

  /**
   * Settles polled records that meet rows whose change waits, on the caller's transaction. A poll
   * reads whole records without saying what changed: a field counts as changed in Salesforce when
   * its value is neither the one the row had before its waiting change nor the local one. So a
   * value pgforce pushed itself, from an earlier edit, is not taken for Salesforce's.
   *
   * @return by sfid, the columns to set on each such row (the upsert leaves those rows alone)
   */
  Map<String, Map<String, String>> resolve(Connection c, TableDefinition def, List<InboundRow> rows)
      throws SQLException {
    Map<String, InboundRow> incoming = new HashMap<>();
    rows.stream().filter(r -> !r.deleted()).forEach(r -> incoming.put(r.sfid(), r));
    if (incoming.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, String>> toSet = new HashMap<>();
    for (Map.Entry<String, List<Entry>> row : waiting.of(c, def, incoming.keySet()).entrySet()) {
      InboundRow remote = incoming.get(row.getKey());
      Map<String, String> values = named(def, remote);
      Set<String> changed = changedInSalesforce(c, def, row.getValue(), values);
      String json = JSON.valueToTree(values).toString();
      toSet.put(
          row.getKey(),
          settle(
              c,
              def,
              row.getKey(),
              row.getValue(),
              values,
              changed,
              remote.systemModstamp(),
              json));
    }
    return toSet;
  }

  /**
   * Settles a change event's update of a row whose change waits. The event carries only the fields
   * Salesforce changed.
   *
   * @param changed the event's changed columns and their values as text
   * @return empty when no change of the row waits (the event applies as usual); otherwise the
   *     columns to set on the row, which keeps its status
   */
  Optional<Map<String, String>> resolveUpdate(
      Connection c, TableDefinition def, String sfid, Map<String, String> changed, Instant at)
      throws SQLException {
    List<Entry> entries = waiting.of(c, def, List.of(sfid)).get(sfid);
    if (entries == null) {
      return Optional.empty();
    }
    String json = JSON.valueToTree(changed).toString();
    return Optional.of(settle(c, def, sfid, entries, changed, changed.keySet(), at, json));
  }

  /**
   * Settles pgforce's own write coming back (its change event) onto a row whose change waits. The
   * fields a waiting entry holds keep the local value, which is still to be pushed; the others take
   * what the write left in Salesforce. That matters when a later Salesforce edit won a field while
   * the push carrying the local value was already on the wire: Salesforce holds the local value
   * again, and only this event tells the row so.
   *
   * @return empty when no change of the row waits (the event applies as usual); otherwise the
   *     columns to set on the row, which keeps its status
   */
  Optional<Map<String, String>> ownWriteOnWaitingRow(
      Connection c, TableDefinition def, String sfid, Map<String, String> changed)
      throws SQLException {
    List<Entry> entries = waiting.of(c, def, List.of(sfid)).get(sfid);
    if (entries == null) {
      return Optional.empty();
    }
    Set<String> local = new HashSet<>();
    entries.forEach(e -> local.addAll(e.columns().keySet()));
    return Optional.of(without(changed, local));
  }

  /**
   * The rule itself, column by column; returns the columns to set on the row. Each side's win is
   * recorded once, with the latest local entry it was decided on.
   */
  private Map<String, String> settle(
      Connection c,
      TableDefinition def,
      String sfid,
      List<Entry> entries,
      Map<String, String> remote,
      Set<String> changedThere,
      Instant at,
      String remoteJson)
      throws SQLException {
    Set<String> local = new HashSet<>();
    entries.forEach(e -> local.addAll(e.columns().keySet()));
    Set<String> lost = new LinkedHashSet<>();
    Entry lostTo = null;
    Entry keptBy = null;
    for (String column : changedThere) {
      Optional<Entry> last = lastChange(entries, column);
      if (last.isEmpty()) {
        continue; // only Salesforce changed it: no conflict
      }
      if (at.isAfter(last.get().createdAt().plusSeconds(1).minusNanos(1))) {
        lost.add(column);
        lostTo = later(lostTo, last.get());
      } else {
        keptBy = later(keptBy, last.get());
      }
    }
    if (keptBy != null) {
      record(c, def, sfid, keptBy, remoteJson, at, false);
    }
    if (lostTo != null) {
      record(c, def, sfid, lostTo, remoteJson, at, true);
      for (Entry e : entries.stream().filter(e -> e.touchesAny(lost)).toList()) {
        supersede(c, e, lost);
      }
      restoreAfterPush(c, def, sfid, entries, lost, remote, at);
      markSyncedUnlessWaiting(c, def, lostTo.recordId());
    }
    local.removeAll(lost);
    return without(remote, local);
  }

  private static Optional<Entry> lastChange(List<Entry> entries, String column) {
    Entry last = null;
    for (Entry e : entries) {
      if (e.columns().containsKey(column)) {
        last = e;
      }
    }
    return Optional.ofNullable(last);
  }

  private static Entry later(Entry a, Entry b) {
    return a == null || b.id() > a.id() ? b : a;
  }

  private static Map<String, String> without(Map<String, String> values, Set<String> columns) {
    Map<String, String> left = new LinkedHashMap<>(values);
    left.keySet().removeAll(columns);
    return left;
  }

  /** A polled record's data columns and their values as text. */
  private static Map<String, String> named(TableDefinition def, InboundRow remote) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < def.columns().size(); i++) {
      String name = def.columns().get(i).name();
      if (!NOT_DATA.contains(name)) {
        values.put(name, remote.values().get(i));
      }
    }
    return values;
  }

  /**
   * The locally changed columns whose polled value differs both from the value before the local
   * change and from the local value, compared by PostgreSQL as the column's type ({@code 5} and
   * {@code 5.0} are one number).
   */
  private Set<String> changedInSalesforce(
      Connection c, TableDefinition def, List<Entry> entries, Map<String, String> remote)
      throws SQLException {
    List<String> checks = new ArrayList<>();
    List<String> params = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Column col : def.columns()) {
      String name = col.name();
      if (NOT_DATA.contains(name)
          || entries.stream().noneMatch(e -> e.columns().containsKey(name))) {
        continue;
      }
      String cast = "?::" + col.sqlType();
      Optional<Entry> before = firstChange(entries, name);
      checks.add(
          "(%1$s IS DISTINCT FROM %1$s%2$s)"
              .formatted(
                  cast, before.isPresent() ? " AND " + cast + " IS DISTINCT FROM " + cast : ""));
      params.add(remote.get(name));
      params.add(localValue(entries, name));
      before.ifPresent(
          e -> {
            params.add(remote.get(name));
            params.add(e.before().get(name));
          });
      names.add(name);
    }
    return names.isEmpty() ? Set.of() : distinct(c, checks, params, names);
  }

  private static Set<String> distinct(
      Connection c, List<String> checks, List<String> params, List<String> names)
      throws SQLException {
    Set<String> changed = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", checks))) {
      for (int i = 0; i < params.size(); i++) {
        ps.setString(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        for (int i = 0; i < names.size(); i++) {
          if (rs.getBoolean(i + 1)) {
            changed.add(names.get(i));
          }
        }
      }
    }
    return changed;
  }

  /** The first waiting change of the column, whose {@code old} holds the value before it. */
  private static Optional<Entry> firstChange(List<Entry> entries, String column) {
    return entries.stream()
        .filter(e -> e.columns().containsKey(column) && e.old() != null)
        .findFirst();
  }

  /** The column's value after the last waiting change of it. */
  private static String localValue(List<Entry> entries, String column) {
    return lastChange(entries, column).map(e -> e.columns().get(column)).orElse(null);
  }

  /**
   * Takes the fields Salesforce's later change won out of a waiting entry, which then pushes only
   * the rest; an entry with nothing left is {@code IGNORED}. An entry already being pushed cannot
   * be changed: its push carries the local values (see {@link #restoreAfterPush}).
   */
  private void supersede(Connection c, Entry e, Set<String> lost) throws SQLException {
    if (!e.state().equals("NEW")) {
      return;
    }
    Map<String, String> left = new LinkedHashMap<>(e.columns());
    left.keySet().removeAll(lost);
    String log = schema.table("_trigger_log");
    String sql =
        left.isEmpty()
            ? "UPDATE %s SET state = 'IGNORED', sf_message = '%s', processed_at = clock_timestamp() WHERE id = ?"
                .formatted(log, SUPERSEDED)
            : "UPDATE %s SET \"values\" = ? WHERE id = ?".formatted(log);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (!left.isEmpty()) {
        ps.setString(i++, HstoreText.format(left));
      }
      ps.setLong(i, e.id());
      ps.executeUpdate();
    }
  }

  /**
   * A push already on the wire cannot be recalled: it lands the local values of the fields
   * Salesforce's later change won, after that change. A new entry puts Salesforce's values back
   * once that push is done. Its {@code old} holds what the push leaves in Salesforce, so a poll
   * reading those values does not take them for a change of Salesforce's own. It is dated a second
   * before Salesforce's change, so any later Salesforce change of those fields wins over it: it
   * restores one Salesforce value and must never defend it against Salesforce.
   */
  private void restoreAfterPush(
      Connection c,
      TableDefinition def,
      String sfid,
      List<Entry> entries,
      Set<String> lost,
      Map<String, String> remote,
      Instant at)
      throws SQLException {
    Map<String, String> sent = new LinkedHashMap<>();
    long recordId = 0;
    for (Entry e : entries.stream().filter(e -> e.state().equals("PENDING")).toList()) {
      e.columns().entrySet().stream()
          .filter(column -> lost.contains(column.getKey()))
          .forEach(column -> sent.put(column.getKey(), column.getValue()));
      recordId = e.recordId();
    }
    if (sent.isEmpty()) {
      return;
    }
    Map<String, String> restored = new LinkedHashMap<>();
    sent.keySet().forEach(column -> restored.put(column, remote.get(column)));
    String sql =
        """
        INSERT INTO %s (txid, created_at, updated_at, state, action, table_name, record_id, sfid, old, "values")
        VALUES (txid_current(), ?, clock_timestamp(), 'NEW', 'UPDATE', ?, ?, ?, ?, ?)"""
            .formatted(schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(at.minusSeconds(1)));
      ps.setString(2, def.table());
      ps.setLong(3, recordId);
      ps.setString(4, sfid);
      ps.setString(5, HstoreText.format(sent));
      ps.setString(6, HstoreText.format(restored));
      ps.executeUpdate();
    }
  }

  /**
   * The row is SYNCED when none of its changes is left to push. An entry being pushed right now
   * counts: it may carry fields Salesforce did not win, and a SYNCED row would let the next poll
   * overwrite them (and the writer skip them).
   */
  private void markSyncedUnlessWaiting(Connection c, TableDefinition def, long recordId)
      throws SQLException {
    String row =
        "UPDATE %s t SET _hc_lastop = 'SYNCED', _hc_err = NULL WHERE id = ? AND NOT EXISTS"
                .formatted(schema.table(def.table()))
            + " (SELECT 1 FROM %s l WHERE l.table_name = ? AND l.record_id = t.id"
                .formatted(schema.table("_trigger_log"))
            + " AND l.state IN ('NEW', 'PENDING'))";
    try (PreparedStatement ps = c.prepareStatement(row)) {
      ps.setLong(1, recordId);
      ps.setString(2, def.table());
      ps.executeUpdate();
    }
  }

  private void record(
      Connection c,
      TableDefinition def,
      String sfid,
      Entry local,
      String remoteValues,
      Instant remoteAt,
      boolean salesforceWins)
      throws SQLException {
    String sql =
        """
        INSERT INTO pgforce.conflict (object_name, sfid, record_id, local_values, local_at, remote_values, remote_at, winner)
        SELECT ?, ?, ?, ?, ?, ?::jsonb, ?, ? WHERE NOT EXISTS (SELECT 1 FROM pgforce.conflict k
          WHERE k.sfid = ? AND k.local_at = ? AND k.remote_at = ? AND k.winner = ?)""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, def.mapping().objectName());
      ps.setString(2, sfid);
      ps.setLong(3, local.recordId());
      ps.setString(4, local.values());
      ps.setTimestamp(5, Timestamp.from(local.createdAt()));
      ps.setString(6, remoteValues);
      ps.setTimestamp(7, Timestamp.from(remoteAt));
      ps.setString(8, salesforceWins ? "SALESFORCE" : "LOCAL");
      ps.setString(9, sfid); // met before, by an earlier read of the same change: once is enough
      ps.setTimestamp(10, Timestamp.from(local.createdAt()));
      ps.setTimestamp(11, Timestamp.from(remoteAt));
      ps.setString(12, salesforceWins ? "SALESFORCE" : "LOCAL");
      ps.executeUpdate();
    }
  }
}
