package io.pgforce.engine.sync;

import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.PgforceConfig;
import java.time.Duration;

/** The engine-wide sync settings, read once from the configuration. */
public record SyncSettings(
    String schema,
    long bulkThreshold,
    Duration pollOverlap,
    Duration settle,
    Duration driftCheckEvery,
    boolean truncateGuard) {

  /** Defaults as documented in docs/operations.md. */
  public static SyncSettings defaults(String schema) {
    return new SyncSettings(
        schema,
        10_000,
        Duration.ofSeconds(60),
        Duration.ofSeconds(2),
        Duration.ofMinutes(60),
        true);
  }

  public static SyncSettings from(PgforceConfig config) {
    return new SyncSettings(
        config.require(ConfigKeys.SCHEMA),
        config.require(ConfigKeys.BULK_THRESHOLD),
        Duration.ofSeconds(config.require(ConfigKeys.POLL_OVERLAP_SECONDS)),
        Duration.ofSeconds(config.require(ConfigKeys.SETTLE_SECONDS)),
        Duration.ofMinutes(config.require(ConfigKeys.DRIFT_CHECK_MINUTES)),
        config.require(ConfigKeys.TRUNCATE_GUARD));
  }

  public SyncSettings withBulkThreshold(long threshold) {
    return new SyncSettings(schema, threshold, pollOverlap, settle, driftCheckEvery, truncateGuard);
  }
}
