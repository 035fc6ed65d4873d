package io.pgforce.app;

import io.pgforce.app.admin.AdminServer;
import io.pgforce.app.admin.AdminSettings;
import io.pgforce.app.admin.EngineBackend;
import io.pgforce.app.metrics.Metrics;
import io.pgforce.engine.ConfigurationException;
import io.pgforce.engine.LoginRefusals;
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
import io.pgforce.salesforce.error.SalesforceAuthException;
import io.pgforce.salesforce.error.SalesforceException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sync daemon's parts, started in order and stopped in reverse: preflight checks, the
 * Salesforce connection, the database pool, the sync engine (reporting to the metrics), and the
 * admin server with the dashboard and {@code /metrics}.
 */
public final class Daemon implements AutoCloseable {

  private final SalesforceClient salesforce;
  private final Database db;
  private final SyncEngine engine;
  private final AdminServer admin;

  private Daemon(SalesforceClient salesforce, Database db, SyncEngine engine, AdminServer admin) {
    this.salesforce = salesforce;
    this.db = db;
    this.engine = engine;
    this.admin = admin;
  }

  /**
   * Checks everything, then starts syncing and serving the admin API.
   *
   * @throws io.pgforce.engine.ConfigurationException listing every problem found before start
   */
  public static Daemon start(PgforceConfig config, Clock clock)
      throws SQLException, InterruptedException {
    Problems problems = new Problems();
    Preflight.checkDatabase(config, problems);
    Optional<SalesforceClient> salesforce = connect(config, clock, problems);
    salesforce.ifPresent(sf -> Preflight.checkMappings(config, sf, problems));
    problems.throwIfAny("pgforce cannot start: the configuration");
    AdminSettings adminSettings = AdminSettings.from(config);
    Database db = Database.open(config.database(), config.require(ConfigKeys.POOL_SIZE));
    MappingRegistry registry = new MappingRegistry(db, clock);
    List<Mapping> mappings =
        MappingRegistry.merge(config.mappings().mappings(), registry.registered());
    Metrics metrics = new Metrics(clock);
    SyncEngine engine =
        SyncEngine.start(
            salesforce.get(), db, SyncSettings.from(config), mappings, clock, metrics.sync());
    EngineBackend backend =
        new EngineBackend(engine, salesforce.get(), config, metrics.sync(), clock);
    metrics.watch(backend);
    try {
      AdminServer admin = AdminServer.start(adminSettings, backend, metrics::scrape, clock);
      return new Daemon(salesforce.get(), db, engine, admin);
    } catch (RuntimeException e) {
      new Daemon(salesforce.get(), db, engine, null).close();
      throw new ConfigurationException(
          "pgforce cannot start: the configuration", List.of(adminListenProblem(config, e)));
    }
  }

  private static String adminListenProblem(PgforceConfig config, RuntimeException e) {
    return ConfigKeys.ADMIN_PORT.path()
        + ": cannot listen on "
        + config.require(ConfigKeys.ADMIN_HOST)
        + ":"
        + config.require(ConfigKeys.ADMIN_PORT)
        + " ("
        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage())
        + "); is another pgforce running? Choose another port with admin.port";
  }

  static Optional<SalesforceClient> connect(PgforceConfig config, Clock clock, Problems problems) {
    try {
      return Optional.of(SalesforceClient.connect(SalesforceSettings.from(config, clock)));
    } catch (SalesforceException | IllegalArgumentException e) {
      String hint = e instanceof SalesforceAuthException ? "; " + LoginRefusals.WHAT_TO_CHECK : "";
      problems.add(
          "salesforce",
          "cannot log in at "
              + config.require(ConfigKeys.LOGIN_URL)
              + ": "
              + e.getMessage()
              + hint);
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

  /** The admin API, dashboard and metrics server. */
  public AdminServer admin() {
    return admin;
  }

  /** Lets every mapping finish its step in flight (its cursor is saved with it), then closes. */
  @Override
  public void close() throws InterruptedException {
    if (admin != null) {
      admin.close();
    }
    engine.stop(Duration.ofSeconds(30));
    db.close();
    salesforce.close();
  }
}
