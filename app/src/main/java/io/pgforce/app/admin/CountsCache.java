package io.pgforce.app.admin;

import io.pgforce.engine.sync.TableCounts;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table counts kept for a moment: the dashboard asks every two seconds, Prometheus on its own
 * schedule, and several people may watch; {@code count(*)} over a large table should not run for
 * each of them.
 */
final class CountsCache {

  /** Reads one table's counts; fails while the table does not exist yet. */
  @FunctionalInterface
  interface Counter {
    TableCounts count(String objectName) throws SQLException;
  }

  private record Entry(Optional<TableCounts> counts, Instant at) {}

  private final Counter counter;
  private final Clock clock;
  private final Duration maxAge;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  CountsCache(Counter counter, Clock clock, Duration maxAge) {
    this.counter = counter;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  Optional<TableCounts> get(String objectName) {
    Instant now = clock.instant();
    Entry e = entries.get(objectName);
    if (e == null || e.at().plus(maxAge).isBefore(now)) {
      e = new Entry(read(objectName), now);
      entries.put(objectName, e);
    }
    return e.counts();
  }

  private Optional<TableCounts> read(String objectName) {
    try {
      return Optional.of(counter.count(objectName));
    } catch (SQLException e) {
      return Optional.empty(); // no table yet: the mapping is being prepared
    }
  }
}
