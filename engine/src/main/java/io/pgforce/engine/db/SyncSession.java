package io.pgforce.engine.db;

/**
 * How the sync's own writes are told apart from an application's: every connection pgforce opens
 * runs {@link #MARK} first, and the triggers pgforce installs skip logging when the setting is on.
 * This is the one mechanism both directions rely on for "the sync's writes never echo".
 *
 * <p>A session setting rather than Heroku Connect's {@code xmlbinary} trick: it needs no helper
 * function on the search_path, and says what it means.
 */
public final class SyncSession {

  /** The setting's name; any two-part name is a valid custom setting in PostgreSQL. */
  public static final String SETTING = "pgforce.sync";

  /** Marks the current session as the sync's. */
  public static final String MARK = "SET " + SETTING + " = 'on'";

  /** The SQL condition, true in an application's session, that trigger WHEN clauses use. */
  public static final String IS_APPLICATION =
      "pg_catalog.current_setting('" + SETTING + "', true) IS DISTINCT FROM 'on'";

  private SyncSession() {}
}
