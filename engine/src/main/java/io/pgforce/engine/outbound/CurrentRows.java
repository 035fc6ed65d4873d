package io.pgforce.engine.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The rows among {@code ids} that were deleted with a delete still waiting to be pushed, as they
   * were when deleted (the DELETE entry's {@code old}), read through PostgreSQL so each column has
   * its type, as {@link #read} gives it.
   */
  Map<Long, Map<String, Object>> deleted(TableDefinition def, Collection<Long> ids)
      throws SQLException {
    String entries =
        "SELECT record_id, old FROM "
            + schema.table("_trigger_log")
            + " WHERE table_name = ? AND record_id = ANY (?) AND action = 'DELETE' AND state = 'NEW'";
    String typed =
        "SELECT * FROM json_populate_record(null::" + schema.table(def.table()) + ", ?::json)";
    return db.inTransaction(
        c -> {
          Map<Long, Map<String, Object>> rows = new HashMap<>();
          try (PreparedStatement ps = c.prepareStatement(entries);
              PreparedStatement row = c.prepareStatement(typed)) {
            ps.setString(1, def.table());
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                row.setString(1, JSON.writeValueAsString(HstoreText.parse(rs.getString(2))));
                try (ResultSet r = row.executeQuery()) {
                  r.next();
                  rows.put(rs.getLong(1), columns(r));
                }
              }
            }
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
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
