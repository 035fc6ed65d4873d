package io.pgforce.engine.schema;

import io.pgforce.engine.db.SyncSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates and evolves one mapped table: columns, Heroku Connect's indexes and triggers. Adding a
 * field to a mapping adds its column in place (a catalog-only change in PostgreSQL, so readers and
 * the other mappings are not held up) and reports it so the caller can backfill it.
 */
public final class TableInstaller {

  private final SyncSchema schema;

  public TableInstaller(SyncSchema schema) {
    this.schema = schema;
  }

  /**
   * Makes the table's columns match the definition (indexes: {@link #ensureIndexes}).
   *
   * @return the columns that were added to an existing table (empty for a new table)
   */
  public List<Column> ensureTable(Connection c, TableDefinition def) throws SQLException {
    Set<String> existing = existingColumns(c, def.table());
    try (Statement st = c.createStatement()) {
      if (existing.isEmpty()) {
        st.execute(createTableSql(def));
      }
      List<Column> added = new ArrayList<>();
      for (Column col : def.columns()) {
        if (!existing.isEmpty() && !existing.contains(col.name())) {
          st.execute(addColumnSql(def, col));
          added.add(col);
        }
      }
      return added;
    }
  }

  /**
   * Creates the table's indexes that are missing. Separate from {@link #ensureTable} so an initial
   * load can COPY into a bare table and build the indexes once, after the data.
   */
  public void ensureIndexes(Connection c, TableDefinition def) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (IndexDefinition index : def.indexes()) {
        st.execute(index.createSql(schema.name()));
      }
    }
  }

  /**
   * Installs the log and status triggers: the log trigger writes {@code NEW} entries on a
   * read-write table and {@code READONLY} ones on a read-only table.
   */
  public void installTriggers(Connection c, TableDefinition def, boolean truncateGuard)
      throws SQLException {
    String table = def.table();
    String initialState = def.mapping().isReadWrite() ? "NEW" : "READONLY";
    try (Statement st = c.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TRIGGER "
              + Sql.id("hc_" + table + "_logtrigger")
              + " AFTER INSERT OR UPDATE OR DELETE ON "
              + schema.table(table)
              + " FOR EACH ROW WHEN ("
              + SyncSession.IS_APPLICATION
              + ")"
              + " EXECUTE FUNCTION "
              + schema.table("hc_log_change")
              + "("
              + Sql.literal(initialState)
              + ")");
      st.execute(
          "CREATE OR REPLACE TRIGGER "
              + Sql.id("hc_" + table + "_status_trigger")
              + " BEFORE INSERT OR UPDATE ON "
              + schema.table(table)
              + " FOR EACH ROW WHEN ("
              + SyncSession.IS_APPLICATION
              + ") EXECUTE FUNCTION "
              + schema.table("hc_status")
              + "()");
      st.execute(truncateGuardSql(table, truncateGuard && def.mapping().isReadWrite()));
    }
  }

  private String truncateGuardSql(String table, boolean guard) {
    String trigger = Sql.id("hc_" + table + "_truncate_guard");
    return guard
        ? "CREATE OR REPLACE TRIGGER "
            + trigger
            + " BEFORE TRUNCATE ON "
            + schema.table(table)
            + " FOR EACH STATEMENT EXECUTE FUNCTION "
            + schema.table("hc_refuse_truncate")
            + "()"
        : "DROP TRIGGER IF EXISTS " + trigger + " ON " + schema.table(table);
  }

  private String createTableSql(TableDefinition def) {
    String columns =
        def.columns().stream()
            .map(c -> Sql.id(c.name()) + " " + c.sqlType())
            .collect(Collectors.joining(",\n  "));
    return "CREATE TABLE IF NOT EXISTS "
        + schema.table(def.table())
        + " (\n"
        + "  \"id\" serial PRIMARY KEY,\n  "
        + columns
        + ",\n"
        + "  \"_hc_lastop\" varchar(32),\n  \"_hc_err\" text\n)";
  }

  private String addColumnSql(TableDefinition def, Column col) {
    return "ALTER TABLE "
        + schema.table(def.table())
        + " ADD COLUMN IF NOT EXISTS "
        + Sql.id(col.name())
        + " "
        + col.sqlType();
  }

  private Set<String> existingColumns(Connection c, String table) throws SQLException {
    String sql =
        "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema.name());
      ps.setString(2, table);
      Set<String> names = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }
}
