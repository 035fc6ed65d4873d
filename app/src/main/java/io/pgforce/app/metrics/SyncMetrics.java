package io.pgforce.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pgforce.app.admin.LagSource;
import io.pgforce.engine.SyncObserver;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the sync reports as it happens: rows each way, how late each change arrived, errors
 * by Salesforce code. It also remembers the latest lag per mapping for the admin API. Called on
 * sync threads; Micrometer's meters are thread-safe and registering one twice returns the first.
 */
public final class SyncMetrics implements SyncObserver, LagSource {

  /**
   * Lag histogram buckets: CDC delivers in well under a second, polling within its interval (Heroku
   * Connect's 2 to 60 minutes), so the buckets span both.
   */
  private static final Duration[] LAG_BUCKETS = {
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(2),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofMinutes(1),
    Duration.ofMinutes(2),
    Duration.ofMinutes(5),
    Duration.ofMinutes(10),
    Duration.ofMinutes(30)
  };

  private final MeterRegistry registry;
  private final Map<String, Map<Direction, Duration>> lastLag = new ConcurrentHashMap<>();

  public SyncMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void rowsSynced(String objectName, Direction direction, long rows) {
    counter("pgforce.rows.synced", "Rows applied on the other side", objectName, direction)
        .increment(rows);
  }

  @Override
  public void lag(String objectName, Direction direction, String via, Duration lag) {
    Timer.builder("pgforce.sync.lag")
        .description("From a change's commit on one side to its commit on the other")
        .tag("mapping", objectName)
        .tag("direction", name(direction))
        .tag("via", via)
        .serviceLevelObjectives(LAG_BUCKETS)
        .register(registry)
        .record(lag);
    lastLag.computeIfAbsent(objectName, o -> new ConcurrentHashMap<>()).put(direction, lag);
  }

  @Override
  public void error(String objectName, Direction direction, String code) {
    counter(
            "pgforce.sync.errors",
            "Records that failed, by Salesforce error code",
            objectName,
            direction,
            "code",
            code)
        .increment();
  }

  @Override
  public Map<Direction, Duration> lastLag(String objectName) {
    Map<Direction, Duration> lags = lastLag.get(objectName);
    return lags == null ? Map.of() : new EnumMap<>(lags);
  }

  /** A counter by mapping and direction, and the extra tags given as name, value pairs. */
  private Counter counter(
      String name, String description, String objectName, Direction direction, String... tags) {
    return Counter.builder(name)
        .description(description)
        .tag("mapping", objectName)
        .tag("direction", name(direction))
        .tags(tags)
        .register(registry);
  }

  private static String name(Direction direction) {
    return direction.name().toLowerCase(Locale.ROOT);
  }
}
