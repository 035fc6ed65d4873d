package io.pgforce.app.admin;

import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import java.util.List;

/**
 * The connection's state in Heroku Connect's names, derived from its mappings: the worst thing that
 * is true wins. Heroku Connect's UNAUTHORIZED and RECOVERY are not produced: pgforce cannot start
 * without a login, and other failures after start show as SYSTEM_ERROR with the mapping's detail
 * while the engine retries.
 */
public enum ConnectionState {
  /** The database does not answer. */
  DB_UNAVAILABLE,
  /**
   * Salesforce refuses to log in again (a frozen or deactivated user, a changed password, a revoked
   * connected app): only the operator can fix it. Changes wait and syncing resumes once it is.
   */
  NEED_AUTHENTICATION,
  /** At least one mapping failed its last step; the engine retries with backoff. */
  SYSTEM_ERROR,
  /** Every mapping is paused by an operator. */
  PAUSED,
  /** A mapping was just added and is being prepared (table, triggers, describe). */
  IMPORT_CONFIGURATION,
  /** Local changes are waiting to be written to Salesforce. */
  POLLING_DB_CHANGES,
  /** Syncing, nothing waiting to be written. */
  IDLE;

  public static ConnectionState of(List<MappingView> mappings, boolean databaseReachable) {
    return of(mappings, databaseReachable, false);
  }

  public static ConnectionState of(
      List<MappingView> mappings, boolean databaseReachable, boolean loginRefused) {
    if (!databaseReachable) {
      return DB_UNAVAILABLE;
    }
    if (loginRefused) {
      return NEED_AUTHENTICATION;
    }
    if (any(mappings, MappingStatus.SYSTEM_ERROR)) {
      return SYSTEM_ERROR;
    }
    if (!mappings.isEmpty() && mappings.stream().allMatch(ConnectionState::paused)) {
      return PAUSED;
    }
    if (any(mappings, MappingStatus.INITIAL)) {
      return IMPORT_CONFIGURATION;
    }
    boolean writing = mappings.stream().anyMatch(m -> !paused(m) && m.pending() > 0);
    return writing ? POLLING_DB_CHANGES : IDLE;
  }

  private static boolean any(List<MappingView> mappings, MappingStatus status) {
    return mappings.stream().anyMatch(m -> m.snapshot().status() == status);
  }

  private static boolean paused(MappingView m) {
    return m.snapshot().target() == TargetState.PAUSED;
  }
}
