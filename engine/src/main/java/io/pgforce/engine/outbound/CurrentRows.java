package io.pgforce.engine.outbound;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Reads rows of a mapped table as they are now, keyed by their local id. */
final class CurrentRows {

  private final Database db;
  private final SyncSchema schema;

  CurrentRows(Database db, SyncSchema schema) {
    this.db = db;
    this.schema = schema;
  }

  /** Each row's columns by name (JDBC values); a row that no longer exists is absent. */
  Map<Long, Map<String, Object>> read(TableDefinition def, Collection<Long> ids)
      throws SQLException {
    String sql = "SELECT * FROM " + schema.table(def.table()) + " WHERE id = ANY (?)";
    return db.inTransaction(
        c -> {
          Map<Long, Map<String, Object>> rows = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.put(rs.getLong("id"), columns(rs));
              }
            }
          }
          return rows;
        });
  }

  private static Map<String, Object> columns(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> row = new HashMap<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      row.put(meta.getColumnName(i), rs.getObject(i));
    }
    return row;
  }
}
