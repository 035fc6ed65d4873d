package io.pgforce.engine.inbound;

import io.pgforce.engine.schema.Sql;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sets some of a row's columns to Salesforce's values: what a change event's UPDATE carries, or the
 * fields of a polled record that a waiting local change leaves to Salesforce.
 */
final class RowColumns {

  private static final String SYNCED_AFTER_PUSH =
      ", \"_hc_lastop\" = CASE WHEN \"_hc_lastop\" IN ('INSERTED', 'UPDATED') THEN 'SYNCED'"
          + " ELSE \"_hc_lastop\" END";

  private final SyncSchema schema;

  RowColumns(SyncSchema schema) {
    this.schema = schema;
  }

  /**
   * Sets {@code columns} (values as text) of the record's row, unless the row holds a newer change
   * from Salesforce. A row whose own change waits ({@code waitingRow}) keeps its status; any other
   * row is left alone while it is PENDING.
   *
   * @return the rows updated: 0 when the table has no such row, or a newer one
   */
  int set(
      Connection c,
      TableDefinition def,
      String sfid,
      Map<String, String> columns,
      Instant at,
      boolean waitingRow)
      throws SQLException {
    String sets =
        columns.keySet().stream().map(col -> Sql.id(col) + " = ?, ").collect(Collectors.joining());
    String sql =
        "UPDATE %s SET %s\"systemmodstamp\" = ?%s WHERE \"sfid\" = ?"
                .formatted(schema.table(def.table()), sets, waitingRow ? "" : SYNCED_AFTER_PUSH)
            + " AND (\"systemmodstamp\" IS NULL OR \"systemmodstamp\" <= ?)"
            + (waitingRow ? "" : " AND \"_hc_lastop\" IS DISTINCT FROM 'PENDING'");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String v : columns.values()) {
        ps.setObject(i++, v, Types.OTHER); // untyped: PostgreSQL casts to the column's type
      }
      ps.setTimestamp(i++, Timestamp.from(at));
      ps.setString(i++, sfid);
      ps.setTimestamp(i, Timestamp.from(at));
      return ps.executeUpdate();
    }
  }
}
