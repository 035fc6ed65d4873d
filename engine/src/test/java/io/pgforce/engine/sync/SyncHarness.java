package io.pgforce.engine.sync;

import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.SalesforceConfig;
import io.pgforce.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One end-to-end sync setup for engine tests: an emulated org over real HTTP, the real client, a
 * real PostgreSQL with empty schemas, and the engine once {@link #start} is called.
 */
final class SyncHarness implements AutoCloseable {

  /** How long a test waits for the sync to reach what it expects. */
  static final Duration DEADLINE = Duration.ofSeconds(60);

  final Emulator emulator;
  final SalesforceClient salesforce;
  final TestDatabase testDb;
  final Clock clock;
  private Database db;
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
                // small Bulk result pages, so a load spans several as a big org's does
                .bulkMaxRecordsPerPage(1000)
                .username(emulator.config().username())
                .password(emulator.config().password())
                .clientId(emulator.config().clientId())
                .clientSecret(emulator.config().clientSecret())
                .build());
    return new SyncHarness(emulator, salesforce, open(testDb), testDb, clock);
  }

  private static Database open(TestDatabase testDb) {
    DatabaseUrl url =
        new DatabaseUrl(
            testDb.jdbcUrl(), Optional.of(testDb.user()), Optional.ofNullable(testDb.password()));
    return Database.open(url, 8);
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

  /** The settle delay of the test settings: a poll reads up to this long before now. */
  static final Duration SETTLE = Duration.ofSeconds(1);

  /** Fast-polling settings for tests: one-second polls, no long overlap. */
  static SyncSettings settings(long bulkThreshold) {
    return SyncSettings.defaults("salesforce")
        .withTiming(bulkThreshold, Duration.ofSeconds(5), SETTLE);
  }

  /** Read-write Account with Name and External_ID__c, inserting by upsert on the external id. */
  static Mapping accountByExternalId() {
    return new Mapping(
        "Account",
        Access.READ_WRITE,
        false,
        1,
        30000,
        List.of("Name", "External_ID__c"),
        Map.of(),
        Optional.of("External_ID__c"));
  }

  /** sObject Collections write calls the org has received (since its stats were last reset). */
  long collectionsWriteCalls() {
    return emulator.stats().snapshot().entrySet().stream()
        .filter(e -> e.getKey().contains("composite/sobjects") && !e.getKey().startsWith("GET"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  static Mapping mapping(String object, Access access, boolean cdc, String... fields) {
    return new Mapping(object, access, cdc, 1, 30000, List.of(fields), Map.of(), Optional.empty());
  }

  /**
   * A mapping with Change Data Capture that polls only hourly: whatever reaches Postgres within a
   * test's deadline came by the stream, or by a repair the stream asked for.
   */
  static Mapping streamed(String object, Access access, String... fields) {
    return new Mapping(
        object, access, true, 3600, 30000, List.of(fields), Map.of(), Optional.empty());
  }

  SyncEngine start(SyncSettings settings, Mapping... mappings) throws SQLException {
    engine = SyncEngine.start(salesforce, db, settings, List.of(mappings), clock);
    return engine;
  }

  SyncEngine engine() {
    return engine;
  }

  /**
   * Stops the engine as a crash would: its database connections are cut first, so what it had not
   * committed rolls back and nothing it does afterwards reaches the database; then its threads are
   * told to stop. The next {@link #start} gets a fresh pool, as a restarted process would.
   */
  void killEngine() throws InterruptedException {
    db.close();
    db = open(testDb);
    engine.stop(Duration.ofMillis(100));
    engine = null;
  }

  /** Waits until the mapping reaches {@code status}. */
  void awaitStatus(String object, MappingStatus status) {
    await()
        .atMost(DEADLINE)
        .until(() -> engine.mapping(object).orElseThrow().status(), s -> s == status);
  }

  /** Waits until a field of a Salesforce record reads {@code expected}. */
  void awaitSalesforce(String object, String id, String field, String expected) {
    await()
        .atMost(DEADLINE)
        .until(
            () -> salesforce.retrieve(object, id, field).orElseThrow().text(field).orElse(""),
            expected::equals);
  }

  /** Waits until a query's single number is {@code expected}. */
  void awaitCount(String sql, long expected) {
    await().atMost(DEADLINE).until(() -> count(sql), n -> n == expected);
  }

  /** Waits until no trigger-log entry is NEW or PENDING: every local change is settled. */
  void awaitNothingWaiting() {
    awaitCount("SELECT count(*) FROM salesforce._trigger_log WHERE state IN ('NEW', 'PENDING')", 0);
  }

  /** Waits until a query's rows are {@code expected}, in order. */
  void awaitRows(String sql, String... expected) {
    await().atMost(DEADLINE).until(() -> query(sql), rows -> rows.equals(List.of(expected)));
  }

  /** Waits until the org has a subscriber on {@code channel}: later changes reach it. */
  void awaitSubscribed(String channel) {
    await().atMost(DEADLINE).until(() -> emulator.changeEvents().subscribers(channel), n -> n > 0);
  }

  /**
   * Waits until the mapping's change stream is subscribed, then moves the clock one second on and
   * polls once. That poll replaces any catch-up poll still scheduled, and like every poll reads
   * only up to a settle delay before now. From here, with hourly polls and a clock that only the
   * test moves, a change made in Salesforce reaches Postgres by the stream or by a read the stream
   * asked for, never by a routine poll.
   */
  void quietStream(MutableClock clock, String object) {
    awaitSubscribed(io.pgforce.engine.inbound.ChangeEventApplier.channelFor(object));
    quietPoll(clock, object);
  }

  /** Moves the clock one second on and waits for one poll of the mapping, made now. */
  void quietPoll(MutableClock clock, String object) {
    clock.advance(Duration.ofSeconds(1));
    Instant now = clock.instant();
    engine.pollNow(object);
    await()
        .atMost(DEADLINE)
        .until(
            () -> engine.mapping(object).orElseThrow().lastPoll(), p -> p.equals(Optional.of(now)));
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

  /** The last replayId the engine applied and saved (-1 before any), for one streamed mapping. */
  long replayId() throws SQLException {
    List<String> ids = query("SELECT replay_id FROM pgforce.replay_position");
    return ids.isEmpty() ? -1 : Long.parseLong(ids.get(0));
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
