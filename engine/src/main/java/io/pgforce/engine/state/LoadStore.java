package io.pgforce.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * The initial load of each mapping. A load is DONE only in the transaction that committed its rows,
 * so a load that was interrupted is found RUNNING (or absent) and simply starts again.
 */
public final class LoadStore {

  private final Clock clock;

  public LoadStore(Clock clock) {
    this.clock = clock;
  }

  public boolean isDone(Connection c, String objectName) throws SQLException {
    String sql = "SELECT state = 'DONE' FROM pgforce.initial_load WHERE object_name = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, objectName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  public void started(Connection c, String objectName, String method, long expected)
      throws SQLException {
    String sql =
        """
        INSERT INTO pgforce.initial_load (object_name, state, method, rows_expected, rows_loaded, started_at)
        VALUES (?, 'RUNNING', ?, ?, 0, ?)
        ON CONFLICT (object_name) DO UPDATE SET state = 'RUNNING', method = excluded.method,
          rows_expected = excluded.rows_expected, rows_loaded = 0, started_at = excluded.started_at,
          finished_at = NULL, error = NULL""";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, objectName);
      ps.setString(2, method);
      ps.setLong(3, expected);
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  public void done(Connection c, String objectName, long rows) throws SQLException {
    finish(c, objectName, "DONE", rows, null);
  }

  public void failed(Connection c, String objectName, String error) throws SQLException {
    finish(c, objectName, "FAILED", 0, error);
  }

  /** Forgets a load so the mapping loads again from empty (reload). */
  public void forget(Connection c, String objectName) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM pgforce.initial_load WHERE object_name = ?")) {
      ps.setString(1, objectName);
      ps.executeUpdate();
    }
  }

  private void finish(Connection c, String objectName, String state, long rows, String error)
      throws SQLException {
    String sql =
        "UPDATE pgforce.initial_load SET state = ?, rows_loaded = ?, finished_at = ?, error = ?"
            + " WHERE object_name = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, state);
      ps.setLong(2, rows);
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.setString(4, error);
      ps.setString(5, objectName);
      ps.executeUpdate();
    }
  }
}
