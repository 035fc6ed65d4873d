package io.pgforce.emulator.rest;

import io.pgforce.emulator.soql.QueryResult;
import io.pgforce.emulator.store.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open query cursors, named by locators ({@code 01g...}) as Salesforce names them. A cursor keeps
 * its query's matched records, so every page of one query comes from the same snapshot. Cursors
 * idle for 15 minutes expire, and at most {@value #MAX_OPEN} stay open (the least recently used
 * goes first), as a real org limits open cursors per user.
 */
final class QueryCursors {

  static final int MAX_OPEN = 50;
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

  /** An open cursor and when it was last read. */
  static final class Cursor {
    final QueryResult result;
    final int batchSize;
    volatile Instant lastUsed;

    Cursor(QueryResult result, int batchSize, Instant lastUsed) {
      this.result = result;
      this.batchSize = batchSize;
      this.lastUsed = lastUsed;
    }
  }

  private final Clock clock;
  private final Map<String, Cursor> open = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong();

  QueryCursors(Clock clock) {
    this.clock = clock;
  }

  /** Opens a cursor and returns its locator id. */
  String open(QueryResult result, int batchSize) {
    expire();
    String id = IdGenerator.fixed("01g", next.incrementAndGet());
    open.put(id, new Cursor(result, batchSize, clock.instant()));
    return id;
  }

  Optional<Cursor> get(String id) {
    expire();
    Cursor cursor = open.get(id);
    if (cursor != null) {
      cursor.lastUsed = clock.instant();
    }
    return Optional.ofNullable(cursor);
  }

  void clear() {
    open.clear();
  }

  private void expire() {
    Instant cutoff = clock.instant().minus(IDLE_TIMEOUT);
    open.values().removeIf(c -> c.lastUsed.isBefore(cutoff));
    while (open.size() >= MAX_OPEN) {
      open.entrySet().stream()
          .min(Comparator.comparing((Map.Entry<String, Cursor> e) -> e.getValue().lastUsed))
          .ifPresent(e -> open.remove(e.getKey()));
    }
  }
}
