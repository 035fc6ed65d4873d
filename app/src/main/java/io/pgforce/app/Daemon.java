package io.pgforce.app;

import io.pgforce.engine.Preflight;
import io.pgforce.engine.Problems;
import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.PgforceConfig;
import io.pgforce.engine.config.SalesforceSettings;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.sync.MappingRegistry;
import io.pgforce.engine.sync.SyncEngine;
import io.pgforce.engine.sync.SyncSettings;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.error.SalesforceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sync daemon's parts, started in order and stopped in reverse: preflight checks, the
 * Salesforce connection, the database pool, and the sync engine.
 */
public final class Daemon implements AutoCloseable {

  private final SalesforceClient salesforce;
  private final Database db;
  private final SyncEngine engine;

  private Daemon(SalesforceClient salesforce, Database db, SyncEngine engine) {
    this.salesforce = salesforce;
    this.db = db;
    this.engine = engine;
  }

  /**
   * Checks everything, then starts syncing.
   *
   * @throws io.pgforce.engine.ConfigurationException listing every problem found before start
   */
  public static Daemon start(PgforceConfig config, Clock clock) throws SQLException {
    Problems problems = new Problems();
    Preflight.checkDatabase(config, problems);
    Optional<SalesforceClient> salesforce = connect(config, clock, problems);
    salesforce.ifPresent(sf -> Preflight.checkMappings(config, sf, problems));
    problems.throwIfAny("pgforce cannot start: the configuration");
    Database db = Database.open(config.database(), config.require(ConfigKeys.POOL_SIZE));
    MappingRegistry registry = new MappingRegistry(db, clock);
    List<Mapping> mappings =
        MappingRegistry.merge(config.mappings().mappings(), registry.registered());
    SyncEngine engine =
        SyncEngine.start(salesforce.get(), db, SyncSettings.from(config), mappings, clock);
    return new Daemon(salesforce.get(), db, engine);
  }

  static Optional<SalesforceClient> connect(PgforceConfig config, Clock clock, Problems problems) {
    try {
      return Optional.of(SalesforceClient.connect(SalesforceSettings.from(config, clock)));
    } catch (SalesforceException | IllegalArgumentException e) {
      problems.add(
          "salesforce",
          "cannot log in at " + config.require(ConfigKeys.LOGIN_URL) + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  public SyncEngine engine() {
    return engine;
  }

  public SalesforceClient salesforce() {
    return salesforce;
  }

  public Database database() {
    return db;
  }

  /** Lets every mapping finish its step in flight (its cursor is saved with it), then closes. */
  @Override
  public void close() throws InterruptedException {
    engine.stop(Duration.ofSeconds(30));
    db.close();
    salesforce.close();
  }
}
