package io.pgforce.engine.sync;

/** What an operator or another part of the engine can ask a mapping's coordinator to do. */
enum Command {
  /** Read Salesforce's changes now (a gap, a reconnect, an operator). */
  POLL,
  /** Compare counts now, repairing if they differ. */
  CHECK_DRIFT,
  /** Empty the table and load it again. */
  RELOAD,
  PAUSE,
  RESUME,
  STOP
}
