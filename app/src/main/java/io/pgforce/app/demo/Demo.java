package io.pgforce.app.demo;

import io.pgforce.app.Daemon;
import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.seed.SeedSummary;
import io.pgforce.engine.state.MappingStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The demo's three parts, started in order (database, org, daemon) and stopped in reverse. Used by
 * {@code pgforce demo} and, on random ports, by its test.
 */
public final class Demo implements AutoCloseable {

  /** What to run: the dashboard's and the org's ports (0 for any free one), data, database. */
  public record Options(
      int dashboardPort, int emulatorPort, int seedRecords, Optional<String> databaseUrl) {}

  private final DemoDatabase database;
  private final Emulator emulator;
  private final SeedSummary seeded;
  private Daemon daemon;

  private Demo(DemoDatabase database, Emulator emulator, SeedSummary seeded) {
    this.database = database;
    this.emulator = emulator;
    this.seeded = seeded;
  }

  public static Demo start(Options options, Clock clock) throws Exception {
    DemoDatabase database =
        options.databaseUrl().map(DemoDatabase::external).orElseGet(DemoDatabase::embedded);
    Emulator emulator = null;
    try {
      emulator = Emulator.start(EmulatorConfig.builder().port(options.emulatorPort()).build());
      Demo demo = new Demo(database, emulator, emulator.seedRecords(options.seedRecords()));
      demo.daemon = Daemon.start(demo.config(options.dashboardPort()), clock);
      return demo;
    } catch (Exception | Error e) {
      if (emulator != null) {
        emulator.close();
      }
      database.close();
      throw e;
    }
  }

  private io.pgforce.engine.config.PgforceConfig config(int dashboardPort) {
    return DemoConfig.load(
        DemoConfig.yaml(emulator.baseUrl(), emulator.config(), database.url(), dashboardPort));
  }

  /** True once every mapping has loaded and follows changes. */
  public boolean synced() {
    return daemon.engine().mappings().stream()
        .allMatch(m -> m.status() == MappingStatus.DATA_SYNCED);
  }

  /** An Account's Salesforce id to use in the example UPDATE, once loaded. */
  Optional<String> sampleAccountId() throws SQLException {
    try (Connection c = daemon.database().connection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT sfid FROM salesforce.account ORDER BY id LIMIT 1")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  public Daemon daemon() {
    return daemon;
  }

  public Emulator emulator() {
    return emulator;
  }

  public String databaseUrl() {
    return database.url();
  }

  boolean embeddedDatabase() {
    return database.isEmbedded();
  }

  SeedSummary seeded() {
    return seeded;
  }

  /** The dashboard's address, as a person types it. */
  public String dashboardUrl() {
    return "http://localhost:" + daemon.admin().port();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      daemon.close();
    } finally {
      emulator.close();
      database.close();
    }
  }
}
