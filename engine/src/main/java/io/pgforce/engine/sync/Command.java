package io.pgforce.engine.sync;

/** What an operator or another part of the engine can ask a mapping's coordinator to do. */
enum Command {
  /** Read Salesforce's changes now (a gap, a reconnect, an operator). */
  POLL,
  /**
   * The change stream may have missed something (a reconnect, an overflow): poll now, and again
   * once the settle delay has passed, since a poll stops that far short of now.
   */
  CATCH_UP,
  /** Compare counts now, repairing if they differ. */
  CHECK_DRIFT,
  /** Empty the table and load it again. */
  RELOAD,
  PAUSE,
  RESUME,
  STOP
}
