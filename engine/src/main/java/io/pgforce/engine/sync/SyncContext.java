package io.pgforce.engine.sync;

import io.pgforce.engine.SyncObserver;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.inbound.DriftChecker;
import io.pgforce.engine.inbound.IncrementalPoller;
import io.pgforce.engine.inbound.InitialLoader;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every coordinator shares: the two sides, the clock, the settings and the workers, and the
 * read-write tables the coordinators have prepared (the outbound writer pushes only those).
 */
record SyncContext(
    SalesforceClient salesforce,
    Database db,
    SyncSchema schema,
    Clock clock,
    SyncSettings settings,
    InitialLoader loader,
    IncrementalPoller poller,
    DriftChecker drift,
    SchemaManager schemaManager,
    Map<String, TableDefinition> readWriteTables,
    SyncObserver observer) {

  static SyncContext create(
      SalesforceClient salesforce,
      Database db,
      SyncSettings settings,
      Clock clock,
      SyncObserver observer) {
    SyncSchema schema = new SyncSchema(settings.schema());
    return new SyncContext(
        salesforce,
        db,
        schema,
        clock,
        settings,
        new InitialLoader(salesforce, db, schema, clock, settings.bulkThreshold()),
        new IncrementalPoller(
            salesforce, db, schema, clock, settings.pollOverlap(), settings.settle(), observer),
        new DriftChecker(salesforce, db, schema, clock),
        new SchemaManager(salesforce, db, schema, clock, settings),
        new ConcurrentHashMap<>(),
        observer);
  }
}
