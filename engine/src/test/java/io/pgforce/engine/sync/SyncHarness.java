package io.pgforce.engine.sync;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.SalesforceConfig;
import io.pgforce.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One end-to-end sync setup for engine tests: an emulated org over real HTTP, the real client, a
 * real PostgreSQL with empty schemas, and the engine once {@link #start} is called.
 */
final class SyncHarness implements AutoCloseable {

  final Emulator emulator;
  final SalesforceClient salesforce;
  final Database db;
  final TestDatabase testDb;
  final Clock clock;
  private SyncEngine engine;

  private SyncHarness(
      Emulator emulator,
      SalesforceClient salesforce,
      Database db,
      TestDatabase testDb,
      Clock clock) {
    this.emulator = emulator;
    this.salesforce = salesforce;
    this.db = db;
    this.testDb = testDb;
    this.clock = clock;
  }

  static SyncHarness create(TestDatabase testDb, Clock clock) throws SQLException {
    testDb.execute(
        "DROP SCHEMA IF EXISTS salesforce CASCADE; DROP SCHEMA IF EXISTS pgforce CASCADE");
    Emulator emulator =
        Emulator.start(
            EmulatorConfig.builder().port(0).clock(clock).metadataFile(metadata()).build());
    SalesforceClient salesforce =
        SalesforceClient.connect(
            SalesforceConfig.builder()
                .loginUrl(emulator.baseUrl())
                .authFlow(io.pgforce.salesforce.AuthFlow.PASSWORD)
                .retryBudget(io.pgforce.engine.config.SalesforceSettings.CLIENT_RETRY_BUDGET)
                .username(emulator.config().username())
                .password(emulator.config().password())
                .clientId(emulator.config().clientId())
                .clientSecret(emulator.config().clientSecret())
                .build());
    DatabaseUrl url =
        new DatabaseUrl(
            testDb.jdbcUrl(), Optional.of(testDb.user()), Optional.ofNullable(testDb.password()));
    return new SyncHarness(emulator, salesforce, Database.open(url, 8), testDb, clock);
  }

  /** The test org's extra fields: Account.External_ID__c, an external id. */
  private static java.nio.file.Path metadata() {
    try {
      return java.nio.file.Path.of(
          SyncHarness.class.getResource("/engine-test-metadata.json").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Settings with a poll overlap long enough for records stamped in a hand-set past. */
  static SyncSettings settingsWithOverlap(Duration overlap) {
    return SyncSettings.defaults("salesforce").withTiming(10_000, overlap, Duration.ofSeconds(1));
  }

  /** Fast-polling settings for tests: one-second polls, no long overlap. */
  static SyncSettings settings(long bulkThreshold) {
    return SyncSettings.defaults("salesforce")
        .withTiming(bulkThreshold, Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  static Mapping mapping(String object, Access access, boolean cdc, String... fields) {
    return new Mapping(object, access, cdc, 1, 30000, List.of(fields), Map.of(), Optional.empty());
  }

  SyncEngine start(SyncSettings settings, Mapping... mappings) throws SQLException {
    engine = SyncEngine.start(salesforce, db, settings, List.of(mappings), clock);
    return engine;
  }

  SyncEngine engine() {
    return engine;
  }

  /** Stops the engine (as a clean shutdown would), keeping the emulator and the database. */
  void stopEngine() throws InterruptedException {
    if (engine != null) {
      engine.stop(Duration.ofSeconds(30));
      engine = null;
    }
  }

  long count(String sql) throws SQLException {
    return Long.parseLong(query(sql).get(0));
  }

  List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = testDb.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Override
  public void close() throws Exception {
    stopEngine();
    db.close();
    salesforce.close();
    emulator.close();
  }
}
