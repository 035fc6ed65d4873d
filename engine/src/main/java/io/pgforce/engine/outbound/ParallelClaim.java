package io.pgforce.engine.outbound;

import io.pgforce.engine.db.Database;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a round, marking a large one PENDING in two halves at once ({@link ParallelHalves}): the
 * UPDATE that claims an entry writes it again with its five index entries, and through one
 * connection a round of 10,000 kept one PostgreSQL core busy for 0.2 s while nothing could be
 * pushed. The UPDATE's check that an entry is still NEW keeps the halves, and any other writer,
 * from claiming an entry twice.
 */
final class ParallelClaim implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ParallelClaim.class);

  private final Database db;
  private final TriggerLogQueue queue;
  private final ParallelHalves halves = new ParallelHalves("pgforce-claim");

  ParallelClaim(Database db, TriggerLogQueue queue) {
    this.db = db;
    this.queue = queue;
  }

  /**
   * Claims up to {@code limit} of the oldest NEW entries and their records' later ones, leaving
   * those of {@code busy} records NEW; in id order.
   */
  List<LogEntry> claim(int limit, Set<LogEntry.Record> busy) throws SQLException {
    List<Long> ids = db.inTransaction(c -> queue.waiting(c, limit, busy));
    if (ids.isEmpty()) {
      return List.of();
    }
    List<LogEntry> claimed =
        new ArrayList<>(
            halves.run(
                ids, half -> db.inTransaction(c -> queue.markPending(c, half)), this::release));
    claimed.sort(Comparator.comparingLong(LogEntry::id));
    return claimed;
  }

  /**
   * Hands back the half that was claimed when the other failed, so its entries are pushed next
   * round instead of waiting out the stale-claim age. If that fails as well (the database went
   * away), the stale-claim check or the next writer's start hands them back.
   */
  private void release(List<LogEntry> claimed) {
    if (claimed.isEmpty()) {
      return;
    }
    List<Long> ids = claimed.stream().map(LogEntry::id).toList();
    try {
      db.inTransaction(c -> queue.release(c, ids));
    } catch (SQLException e) {
      LOG.warn(
          "event=\"half a claim not handed back\" entries={} error=\"{}\"",
          ids.size(),
          e.getMessage());
    }
  }

  @Override
  public void close() {
    halves.close();
  }
}
