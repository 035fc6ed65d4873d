package io.pgforce.engine.inbound;

import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.Sql;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies records read from Salesforce to their table: upserts by {@code sfid}, and removes records
 * Salesforce has deleted (Heroku Connect hard-deletes them).
 *
 * <p>Idempotent and order-safe: an upsert only replaces a row whose {@code systemmodstamp} is not
 * newer than the incoming one, so re-reading a poll window, or a poll arriving after a fresher
 * change event, never moves a row back in time. A row whose local change still waits to be pushed
 * ({@code PENDING}) is settled field by field by {@link ConflictResolver}: it takes the fields
 * Salesforce won, and keeps the ones its waiting change carries to Salesforce.
 */
public final class RowApplier {

  /**
   * A row pgforce pushed ({@code INSERTED}, {@code UPDATED}) is {@code SYNCED} once Salesforce's
   * own copy of it has come back, as in Heroku Connect.
   */
  private static final String SYNCED_AFTER_PUSH =
      "\"_hc_lastop\" = CASE WHEN t.\"_hc_lastop\" IN ('INSERTED', 'UPDATED') THEN 'SYNCED'"
          + " ELSE t.\"_hc_lastop\" END";

  private final SyncSchema schema;
  private final ConflictResolver conflicts;
  private final RowColumns rowColumns;

  public RowApplier(SyncSchema schema) {
    this.schema = schema;
    this.conflicts = new ConflictResolver(schema);
    this.rowColumns = new RowColumns(schema);
  }

  /** Applies the rows on the caller's connection (and so in its transaction). */
  public void apply(Connection c, TableDefinition def, List<InboundRow> all) throws SQLException {
    List<InboundRow> rows = withoutWaitingDeletes(c, def, all);
    Map<String, Map<String, String>> onWaitingRows = conflicts.resolve(c, def, rows);
    try (PreparedStatement upsert = c.prepareStatement(upsertSql(def));
        PreparedStatement delete = c.prepareStatement(deleteSql(def))) {
      int upserts = 0;
      int deletes = 0;
      for (InboundRow row : rows) {
        if (row.deleted()) {
          delete.setString(1, row.sfid());
          delete.addBatch();
          deletes++;
        } else {
          bind(upsert, row);
          upsert.addBatch();
          upserts++;
        }
      }
      if (upserts > 0) {
        upsert.executeBatch();
      }
      if (deletes > 0) {
        delete.executeBatch();
      }
    }
    for (InboundRow row : rows) {
      Map<String, String> columns = onWaitingRows.get(row.sfid());
      if (columns != null && !columns.isEmpty()) {
        rowColumns.set(c, def, row.sfid(), columns, row.systemModstamp(), true);
      }
    }
  }

  /**
   * Leaves out the records whose local delete waits to be pushed. The application deleted the row;
   * until the delete reaches Salesforce, a read still finds the record there and, with no row
   * holding its sfid any more, would insert it again: the application would see a row it deleted
   * come back, and edit it (the 100,000-operation convergence run found one so).
   */
  private List<InboundRow> withoutWaitingDeletes(
      Connection c, TableDefinition def, List<InboundRow> rows) throws SQLException {
    String sql =
        "SELECT sfid FROM %s WHERE table_name = ? AND action = 'DELETE' AND state IN ('NEW', 'PENDING') AND sfid = ANY (?)"
            .formatted(schema.table("_trigger_log"));
    Set<String> deleted = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, def.table());
      ps.setArray(2, c.createArrayOf("varchar", rows.stream().map(InboundRow::sfid).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          deleted.add(rs.getString(1));
        }
      }
    }
    return deleted.isEmpty()
        ? rows
        : rows.stream().filter(r -> r.deleted() || !deleted.contains(r.sfid())).toList();
  }

  private static void bind(PreparedStatement ps, InboundRow row) throws SQLException {
    int i = 1;
    for (String value : row.values()) {
      ps.setObject(i++, value, Types.OTHER); // untyped: PostgreSQL casts to the column's type
    }
  }

  private String upsertSql(TableDefinition def) {
    List<Column> cols = def.columns();
    String names = cols.stream().map(c -> Sql.id(c.name())).collect(Collectors.joining(", "));
    String params = cols.stream().map(c -> "?").collect(Collectors.joining(", "));
    String updates =
        cols.stream()
            .filter(c -> !c.name().equals("sfid"))
            .map(c -> Sql.id(c.name()) + " = excluded." + Sql.id(c.name()))
            .collect(Collectors.joining(", "));
    return """
        INSERT INTO %s AS t (%s) VALUES (%s)
        ON CONFLICT ("sfid") DO UPDATE SET %s, %s
        WHERE (t."systemmodstamp" IS NULL OR t."systemmodstamp" <= excluded."systemmodstamp")
          AND t."_hc_lastop" IS DISTINCT FROM 'PENDING'"""
        .formatted(schema.table(def.table()), names, params, updates, SYNCED_AFTER_PUSH);
  }

  private String deleteSql(TableDefinition def) {
    return "DELETE FROM " + schema.table(def.table()) + " WHERE \"sfid\" = ?";
  }
}
