package io.pgforce.engine.outbound;

import io.pgforce.engine.schema.SyncSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Salesforce refused, as operators see and retry them: FAILED trigger-log entries with
 * Salesforce's reason. Retrying sets an entry back to NEW, exactly what a Heroku Connect user does
 * by hand in SQL, so both ways work.
 */
public final class WriteErrors {

  private final SyncSchema schema;

  public WriteErrors(SyncSchema schema) {
    this.schema = schema;
  }

  /** One failed write. */
  public record WriteError(
      long id,
      String table,
      long recordId,
      String sfid,
      String action,
      String message,
      Instant at) {}

  /** The most recent failures first; {@code table} null for every table. */
  public List<WriteError> recent(Connection c, String table, int limit) throws SQLException {
    String sql =
        """
        SELECT id, table_name, record_id, sfid, action, sf_message, updated_at FROM %s
        WHERE state = 'FAILED' AND (?::text IS NULL OR table_name = ?) ORDER BY id DESC LIMIT ?"""
            .formatted(schema.table("_trigger_log"));
    List<WriteError> errors = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      ps.setString(2, table);
      ps.setInt(3, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          errors.add(
              new WriteError(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getTimestamp(7).toInstant()));
        }
      }
    }
    return errors;
  }

  /** Sends a failed entry again; false when it is not (or no longer) FAILED. */
  public boolean retry(Connection c, long id) throws SQLException {
    String sql =
        "UPDATE %s SET state = 'NEW', updated_at = clock_timestamp() WHERE id = ? AND state = 'FAILED'"
            .formatted(schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    }
  }
}
