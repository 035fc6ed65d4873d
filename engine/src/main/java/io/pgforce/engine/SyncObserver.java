package io.pgforce.engine;

import java.time.Duration;

/**
 * Hears what the sync does, for metrics: rows applied each way, how far behind each change arrived,
 * and errors by Salesforce code. Called on sync threads; implementations must be quick and
 * thread-safe. Every method does nothing by default.
 */
public interface SyncObserver {

  /** Which way a change went. */
  enum Direction {
    INBOUND,
    OUTBOUND
  }

  /** No-one listening. */
  SyncObserver NONE = new SyncObserver() {};

  default void rowsSynced(String objectName, Direction direction, long rows) {}

  /**
   * How long a change took from its commit on one side to its commit on the other.
   *
   * @param via {@code cdc}, {@code poll} or {@code collections}
   */
  default void lag(String objectName, Direction direction, String via, Duration lag) {}

  default void error(String objectName, Direction direction, String code) {}
}
