package io.pgforce.engine.outbound;

import io.pgforce.engine.schema.SyncSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps the trigger log small, as Heroku Connect does: settled entries (anything but NEW and
 * PENDING) move to {@code _trigger_log_archive} once older than the archive age, and the archive is
 * purged after the retention period (31 days by default).
 */
public final class LogRetention {

  /** What one pass moved and removed. */
  public record Pass(int archived, int purged) {}

  private final SyncSchema schema;

  public LogRetention(SyncSchema schema) {
    this.schema = schema;
  }

  /** Archives and purges in one transaction on the caller's connection. */
  public Pass run(Connection c, Duration archiveAfter, Duration purgeAfter) throws SQLException {
    String move =
        """
        WITH moved AS (
          DELETE FROM %1$s WHERE state NOT IN ('NEW', 'PENDING')
            AND updated_at < clock_timestamp() - make_interval(secs => ?)
          RETURNING *)
        INSERT INTO %2$s SELECT * FROM moved ON CONFLICT (id) DO NOTHING"""
            .formatted(schema.table("_trigger_log"), schema.table("_trigger_log_archive"));
    String purge =
        "DELETE FROM %s WHERE updated_at < clock_timestamp() - make_interval(secs => ?)"
            .formatted(schema.table("_trigger_log_archive"));
    return new Pass(update(c, move, archiveAfter), update(c, purge, purgeAfter));
  }

  private static int update(Connection c, String sql, Duration age) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, age.toSeconds());
      return ps.executeUpdate();
    }
  }
}
