package io.pgforce.engine.sync;

import io.pgforce.engine.schema.SyncSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What is in Postgres for one mapping: its rows, and its changes waiting or failed. */
public record TableCounts(long rows, long pending, long failed) {

  public static TableCounts of(Connection c, SyncSchema schema, String table) throws SQLException {
    long rows;
    try (ResultSet rs =
        c.createStatement().executeQuery("SELECT count(*) FROM " + schema.table(table))) {
      rs.next();
      rows = rs.getLong(1);
    }
    String sql =
        """
        SELECT count(*) FILTER (WHERE state IN ('NEW', 'PENDING')), count(*) FILTER (WHERE state = 'FAILED')
        FROM %s WHERE table_name = ?"""
            .formatted(schema.table("_trigger_log"));
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new TableCounts(rows, rs.getLong(1), rs.getLong(2));
      }
    }
  }
}
