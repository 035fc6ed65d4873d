package io.pgforce.engine.sync;

import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.PgforceConfig;
import java.time.Duration;

/**
 * The engine-wide sync settings, read once from the configuration.
 *
 * @param outboundBulkThreshold writes of one table and kind in a round from which they go as one
 *     Bulk API 2.0 job (0: never)
 * @param archiveAfter settled trigger-log entries older than this move to the archive
 * @param purgeAfter archived entries older than this are deleted
 */
public record SyncSettings(
    String schema,
    long bulkThreshold,
    int outboundBulkThreshold,
    Duration pollOverlap,
    Duration settle,
    Duration driftCheckEvery,
    boolean truncateGuard,
    Duration archiveAfter,
    Duration purgeAfter) {

  /** Defaults as documented in docs/operations.md. */
  public static SyncSettings defaults(String schema) {
    return new SyncSettings(
        schema,
        10_000,
        2000,
        Duration.ofSeconds(60),
        Duration.ofSeconds(2),
        Duration.ofMinutes(60),
        true,
        Duration.ofHours(24),
        Duration.ofDays(31));
  }

  public static SyncSettings from(PgforceConfig config) {
    return new SyncSettings(
        config.require(ConfigKeys.SCHEMA),
        config.require(ConfigKeys.BULK_THRESHOLD),
        config.require(ConfigKeys.OUTBOUND_BULK_THRESHOLD),
        Duration.ofSeconds(config.require(ConfigKeys.POLL_OVERLAP_SECONDS)),
        Duration.ofSeconds(config.require(ConfigKeys.SETTLE_SECONDS)),
        Duration.ofMinutes(config.require(ConfigKeys.DRIFT_CHECK_MINUTES)),
        config.require(ConfigKeys.TRUNCATE_GUARD),
        Duration.ofHours(config.require(ConfigKeys.ARCHIVE_AFTER_HOURS)),
        Duration.ofDays(config.require(ConfigKeys.PURGE_AFTER_DAYS)));
  }

  /** The same settings with the test polls' timing: for tests and benchmarks. */
  public SyncSettings withTiming(long threshold, Duration overlap, Duration settleDelay) {
    return new SyncSettings(
        schema,
        threshold,
        outboundBulkThreshold,
        overlap,
        settleDelay,
        driftCheckEvery,
        truncateGuard,
        archiveAfter,
        purgeAfter);
  }

  /** The same settings with another outbound Bulk threshold (0: Collections only). */
  public SyncSettings withOutboundBulkThreshold(int threshold) {
    return new SyncSettings(
        schema,
        bulkThreshold,
        threshold,
        pollOverlap,
        settle,
        driftCheckEvery,
        truncateGuard,
        archiveAfter,
        purgeAfter);
  }
}
