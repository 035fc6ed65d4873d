package io.pgforce.engine.state;

/** What a mapping is doing, in Heroku Connect's mapping state names (its API and UI show these). */
public enum MappingStatus {
  /** Configured, nothing loaded yet. */
  INITIAL,
  /** Initial load through Bulk API 2.0 in progress. */
  POLLING_SF_BULK,
  /** Initial load through REST, or incremental polling, in progress. */
  POLLING_SF_CHANGES,
  /** Loaded and following changes. */
  DATA_SYNCED,
  /** Truncated and loading again at the operator's request. */
  RELOAD_TABLE,
  /** A mapped field was added; its column is being backfilled. */
  SCHEMA_CHANGED,
  /** The initial load failed; it starts again from empty on the next attempt. */
  BULK_LOAD_ERROR,
  /** The configuration cannot run (unknown object or field, say); see the detail. */
  BAD_CONFIG,
  /** An unexpected failure; the detail says what, and the engine retries with backoff. */
  SYSTEM_ERROR
}
