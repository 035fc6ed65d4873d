package io.pgforce.engine.sync;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.MappingJson;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.Sql;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.schema.TableInstaller;
import io.pgforce.engine.state.LoadStore;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.MappingStore;
import io.pgforce.salesforce.SalesforceClient;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a mapping's table in line with its definition before syncing: registers the mapping,
 * creates or widens the table, installs its triggers, and backfills columns added to a table that
 * was already loaded. The backfill streams Id and the new fields through Bulk API 2.0 into a
 * temporary table and fills the columns with one UPDATE, so the other mappings, on their own
 * threads, keep syncing while it runs.
 */
final class SchemaManager {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

  private final SalesforceClient salesforce;
  private final Database db;
  private final SyncSchema schema;
  private final Clock clock;
  private final SyncSettings settings;

  SchemaManager(
      SalesforceClient salesforce,
      Database db,
      SyncSchema schema,
      Clock clock,
      SyncSettings settings) {
    this.salesforce = salesforce;
    this.db = db;
    this.schema = schema;
    this.clock = clock;
    this.settings = settings;
  }

  void prepare(TableDefinition def, MappingState state) throws SQLException {
    TableInstaller tables = new TableInstaller(schema);
    List<Column> added =
        db.inTransaction(
            c -> {
              new MappingStore(clock)
                  .register(c, def.mapping().objectName(), MappingJson.write(def.mapping()));
              List<Column> columns = tables.ensureTable(c, def);
              tables.installTriggers(c, def, settings.truncateGuard());
              return columns;
            });
    boolean loaded =
        db.inTransaction(c -> new LoadStore(clock).isDone(c, def.mapping().objectName()));
    if (!added.isEmpty() && loaded) {
      state.status(
          MappingStatus.SCHEMA_CHANGED, "backfilling " + added.stream().map(Column::name).toList());
      backfill(def, added);
    }
  }

  private void backfill(TableDefinition def, List<Column> added) throws SQLException {
    String fields = added.stream().map(Column::apiName).collect(Collectors.joining(", "));
    String columns = added.stream().map(c -> Sql.id(c.name())).collect(Collectors.joining(", "));
    String typedColumns =
        added.stream()
            .map(c -> Sql.id(c.name()) + " " + c.sqlType())
            .collect(Collectors.joining(", "));
    String sets =
        added.stream()
            .map(c -> Sql.id(c.name()) + " = b." + Sql.id(c.name()))
            .collect(Collectors.joining(", "));
    long rows =
        db.inTransaction(
            c -> {
              c.createStatement()
                  .execute(
                      "CREATE TEMP TABLE pgforce_backfill (\"sfid\" varchar(18), "
                          + typedColumns
                          + ") ON COMMIT DROP");
              String copy =
                  "COPY pgforce_backfill (\"sfid\", "
                      + columns
                      + ") FROM STDIN (FORMAT csv, HEADER true, FORCE_NULL ("
                      + columns
                      + "))";
              salesforce
                  .bulk()
                  .query(
                      "SELECT Id, " + fields + " FROM " + def.mapping().objectName(),
                      false,
                      page -> c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, page));
              return (long)
                  c.createStatement()
                      .executeUpdate(
                          "UPDATE "
                              + schema.table(def.table())
                              + " t SET "
                              + sets
                              + " FROM pgforce_backfill b WHERE t.sfid = b.sfid");
            });
    LOG.info(
        "event=\"{} BACKFILL {} rows\" object_type=schema columns={}",
        def.mapping().objectName(),
        rows,
        columns);
  }
}
