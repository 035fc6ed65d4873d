package io.pgforce.engine.outbound;

import io.pgforce.engine.outbound.LogEntry.Action;
import io.pgforce.engine.schema.SyncSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trigger log as a work queue. Claiming reads the oldest waiting entries, with a claimed
 * record's later entries so its whole backlog becomes one write, and moves them from {@code NEW} to
 * {@code PENDING} with an UPDATE that checks each is still {@code NEW}: two writers never claim the
 * same entry (the second waits for the first's UPDATE to commit, then leaves its entries). Entries
 * a crashed writer left {@code PENDING} are handed back by {@link #requeueStale}.
 */
public final class TriggerLogQueue {

  private static final Logger LOG = LoggerFactory.getLogger(TriggerLogQueue.class);

  private final SyncSchema schema;

  public TriggerLogQueue(SyncSchema schema) {
    this.schema = schema;
  }

  /**
   * Claims up to {@code limit} of the oldest NEW entries, and every other NEW entry of the same
   * records (a record's whole backlog is merged into one write), returned in id order.
   *
   * <p>Three plain statements over arrays, each planned for its values, rather than one that joins
   * the round's records with the waiting entries: right after an application logs 100,000 changes,
   * statistics still say almost nothing is NEW, and the planner made that join a nested loop over
   * both (a claim of 212 s; one 100,000-row benchmark run pushed 193 rows/s).
   */
  public List<LogEntry> claim(Connection c, int limit) throws SQLException {
    return claimExcept(c, limit, Set.of());
  }

  /**
   * Claims as {@link #claim} does, but leaves the entries of {@code busy} records NEW: those
   * records' writes are in flight, and their later changes must wait for the result (an update of a
   * record being inserted needs its new sfid).
   */
  public List<LogEntry> claimExcept(Connection c, int limit, Set<LogEntry.Record> busy)
      throws SQLException {
    List<Long> ids = waiting(c, limit, busy);
    return ids.isEmpty() ? List.of() : markPending(c, ids);
  }

  /**
   * The ids a claim of {@code limit} entries takes, besides those of {@code busy} records: the
   * oldest NEW entries, then the other NEW entries of their records. Nothing is locked: {@link
   * #markPending} takes only those still NEW. A lock here cost a heap write and a WAL record per
   * entry, and bought nothing the UPDATE's check does not.
   */
  List<Long> waiting(Connection c, int limit, Set<LogEntry.Record> busy) throws SQLException {
    String log = schema.table("_trigger_log");
    ArrayPlans.forTheirValues(c);
    Map<String, Set<Long>> records = new LinkedHashMap<>();
    Set<Long> ids = new LinkedHashSet<>();
    // state as a range, not state = 'NEW': given an equality the planner drops state from the
    // ORDER BY and, by statistics that no longer describe the log, either walked the primary key
    // through every settled entry (stats from during a backlog: 118 ms a claim) or read every NEW
    // entry and sorted them (stats from before it). As a range, only the (state, id) index gives
    // the order asked for, and the claim reads just the entries it takes.
    String first =
        ("SELECT id, table_name, record_id FROM %s WHERE state >= 'NEW' AND state <= 'NEW'"
                + " ORDER BY state, id LIMIT ?")
            .formatted(log);
    try (PreparedStatement ps = c.prepareStatement(first)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LogEntry.Record record = new LogEntry.Record(rs.getString(2), rs.getLong(3));
          if (!busy.contains(record)) {
            ids.add(rs.getLong(1));
            records
                .computeIfAbsent(record.table(), t -> new LinkedHashSet<>())
                .add(record.recordId());
          }
        }
      }
    }
    for (Map.Entry<String, Set<Long>> table : records.entrySet()) {
      ids.addAll(laterEntries(c, log, table.getKey(), table.getValue()));
    }
    return new ArrayList<>(ids);
  }

  /** The other NEW entries of {@code recordIds}. */
  private static List<Long> laterEntries(
      Connection c, String log, String table, Set<Long> recordIds) throws SQLException {
    String sql =
        ("SELECT id FROM %s WHERE state = 'NEW' AND table_name = ?"
                + " AND record_id = ANY (?::bigint[]::integer[])")
            .formatted(log);
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      ps.setArray(2, c.createArrayOf("bigint", recordIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * Moves the entries to PENDING and returns them in id order. {@code state = 'NEW'} leaves an
   * entry another writer claimed since it was read to that writer. An entry the writer cannot read
   * fails at once, saying what is wrong with it, so it never holds up the others.
   */
  List<LogEntry> markPending(Connection c, Collection<Long> ids) throws SQLException {
    ArrayPlans.forTheirValues(c);
    String log = schema.table("_trigger_log");
    String sql =
        """
        UPDATE %s SET state = 'PENDING', updated_at = clock_timestamp(), processed_tx = txid_current()
        WHERE id = ANY (?::bigint[]::integer[]) AND state = 'NEW'
        RETURNING %s"""
            .formatted(log, ENTRY_COLUMNS);
    Entries read = new Entries();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        read.addAll(rs);
      }
    }
    failUnreadable(c, read.unreadable);
    read.entries.sort(Comparator.comparingLong(LogEntry::id));
    return read.entries;
  }

  /**
   * Every PENDING entry, in id order: at start, what a writer that died had claimed. One that
   * cannot be read is left out; handed back to NEW with the rest, its next claim fails it.
   */
  public List<LogEntry> pending(Connection c) throws SQLException {
    String sql =
        "SELECT "
            + ENTRY_COLUMNS
            + " FROM "
            + schema.table("_trigger_log")
            + " WHERE state = 'PENDING' ORDER BY id";
    Entries read = new Entries();
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      read.addAll(rs);
    }
    return read.entries;
  }

  /**
   * Fails entries the writer cannot read. Only a hand edit makes one (the log trigger writes
   * nothing else); the message says what to correct before setting the entry back to NEW.
   */
  private void failUnreadable(Connection c, Map<Long, String> problems) throws SQLException {
    if (problems.isEmpty()) {
      return;
    }
    String sql =
        "UPDATE "
            + schema.table("_trigger_log")
            + " SET state = 'FAILED', sf_message = ?, updated_at = clock_timestamp(),"
            + " processed_at = clock_timestamp() WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Map.Entry<Long, String> problem : problems.entrySet()) {
        String message =
            "UNREADABLE_LOG_ENTRY: "
                + problem.getValue()
                + "; correct the entry and set its state back to NEW";
        LOG.warn("event=\"log entry failed\" id={} error=\"{}\"", problem.getKey(), message);
        ps.setString(1, message);
        ps.setLong(2, problem.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
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

  /**
   * Brings the planner's statistics of the log up to date. Right after an application logs a large
   * backlog they still say almost nothing is waiting, and lookups of a round's records in the
   * waiting entries are planned as a scan of all of them (the (state, table_name) index read whole
   * for each recording, instead of the round's records looked up in the waiting-record index).
   * Autovacuum catches up within a minute or so; a backlog is pushed in that minute. A user that
   * does not own the log gets a warning from PostgreSQL, not an error, and keeps the old plans.
   */
  public void refreshStatistics(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE " + schema.table("_trigger_log"));
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

  /**
   * The columns an entry is read from, in the order {@link Entries#addAll} reads them. An entry
   * without a creation time (only a hand edit leaves one) counts as made now.
   */
  private static final String ENTRY_COLUMNS =
      "id, action, table_name, record_id, sfid, \"values\","
          + " coalesce(created_at, clock_timestamp()) AS created_at";

  /** Entries read from the log, and the problems of those that could not be read, by id. */
  private static final class Entries {
    final List<LogEntry> entries = new ArrayList<>();
    final Map<Long, String> unreadable = new LinkedHashMap<>();

    void addAll(ResultSet rs) throws SQLException {
      while (rs.next()) {
        add(rs);
      }
    }

    private void add(ResultSet rs) throws SQLException {
      long id = rs.getLong(1);
      String action = rs.getString(2);
      Optional<Action> known = Action.named(action);
      if (known.isEmpty()) {
        unreadable.put(
            id,
            action == null
                ? "action is empty"
                : "action '" + action + "' is not INSERT, UPDATE or DELETE");
        return;
      }
      Set<String> changed;
      try {
        changed = HstoreText.parse(rs.getString(6)).keySet();
      } catch (IllegalArgumentException e) {
        unreadable.put(id, "\"values\" is " + e.getMessage());
        return;
      }
      entries.add(
          new LogEntry(
              id,
              known.get(),
              rs.getString(3),
              rs.getLong(4),
              rs.getString(5),
              changed,
              rs.getTimestamp(7).toInstant()));
    }
  }
}
