package io.pgforce.bench;

import io.pgforce.engine.Problems;
import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.schema.ObjectSchemas;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.schema.TableInstaller;
import io.pgforce.engine.state.EngineState;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.testkit.PostgresServer;
import io.pgforce.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** A fresh database on the benchmark's PostgreSQL, with pgforce's schemas and one mapped table. */
final class BenchDatabase implements AutoCloseable {

  static final SyncSchema SCHEMA = new SyncSchema("salesforce");

  final TestDatabase test;
  final Database db;
  final TableDefinition table;

  private BenchDatabase(TestDatabase test, Database db, TableDefinition table) {
    this.test = test;
    this.db = db;
    this.table = table;
  }

  static BenchDatabase create(SalesforceClient org, Mapping mapping) throws SQLException {
    TestDatabase test = PostgresServer.get().createDatabase("bench");
    Database db =
        Database.open(
            new DatabaseUrl(
                test.jdbcUrl(), Optional.of(test.user()), Optional.ofNullable(test.password())),
            ConfigKeys.POOL_SIZE.defaultValue().orElseThrow());
    TableDefinition def =
        TableDefinition.resolve(
                mapping, ObjectSchemas.from(org.describe(mapping.objectName())), new Problems())
            .orElseThrow();
    EngineState.migrate(db.dataSource());
    try (Connection c = db.connection()) {
      new io.pgforce.engine.state.MappingStore(java.time.Clock.systemUTC())
          .register(c, mapping.objectName(), io.pgforce.engine.mapping.MappingJson.write(mapping));
      SCHEMA.install(c);
      new TableInstaller(SCHEMA).ensureTable(c, def);
      new TableInstaller(SCHEMA).installTriggers(c, def, true);
    }
    return new BenchDatabase(test, db, def);
  }

  long count(String sql) throws SQLException {
    try (Connection c = db.connection();
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    db.close();
    PostgresServer.get().dropDatabase(test);
  }
}
