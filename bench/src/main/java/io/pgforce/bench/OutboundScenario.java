package io.pgforce.bench;

import io.pgforce.engine.SyncObserver;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.sync.SyncEngine;
import io.pgforce.engine.sync.SyncSettings;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * Postgres to Salesforce, in three phases: N rows inserted in one transaction (no external id, so
 * they go through sObject Collections), the same N rows updated in one statement (a push above the
 * Bulk threshold: Bulk API 2.0 ingest jobs), then steady single-row updates measuring the lag from
 * the change being logged to Salesforce acknowledging it.
 */
final class OutboundScenario {

  private static final int STEADY_UPDATES = 200;
  private static final Duration STEADY_GAP = Duration.ofMillis(50);
  private static final int WARM_UP_ROWS = 10_000;
  private static final int WARM_UP_ROUNDS = 3;

  /**
   * Whether any change is still waiting to be pushed. It stops at the first entry left: a count(*)
   * of all of them every 20 ms read the whole backlog, and took as much of the database as the
   * writer being measured.
   */
  private static final String LEFT_OVER =
      "SELECT count(*) FROM (SELECT 1 FROM salesforce._trigger_log"
          + " WHERE state IN ('NEW', 'PENDING') LIMIT 1) AS left_over";

  /**
   * One way of pushing: rows/s from the start of the application's statement (its triggers
   * included) and from its commit (the writer's own work), and API calls per 10,000 rows.
   */
  record Push(double rowsPerSecond, double afterCommitRowsPerSecond, double callsPer10k) {}

  record Result(int rows, Push collections, Push bulk, List<Double> lagMillis) {}

  static Result run(RemoteOrg org, int rows) throws Exception {
    Mapping account =
        new Mapping(
            "Account",
            Access.READ_WRITE,
            false,
            600,
            30000,
            List.of("Name", "Industry", "NumberOfEmployees"),
            Map.of(),
            Optional.empty());
    List<Double> lags = new CopyOnWriteArrayList<>();
    Instant[] steadyFrom = {Instant.MAX};
    SyncObserver observer =
        new SyncObserver() {
          @Override
          public void lag(String objectName, Direction direction, String via, Duration lag) {
            // only changes made once the steady phase began: earlier rounds may report late
            if (direction == Direction.OUTBOUND
                && !Instant.now().minus(lag).isBefore(steadyFrom[0])) {
              lags.add(lag.toNanos() / 1e6);
            }
          }
        };
    try (BenchDatabase db = BenchDatabase.create(org.client, account)) {
      SyncEngine engine =
          SyncEngine.start(
              org.client,
              db.db,
              SyncSettings.defaults("salesforce"),
              List.of(account),
              Clock.systemUTC(),
              observer);
      waitFor(() -> engine.mapping("Account").orElseThrow().status().name().equals("DATA_SYNCED"));
      warmUp(db);
      Push collections = measure(org, db, rows, insertRows("Bench ", rows));
      Push bulk = measure(org, db, rows, updateRows("Bench "));
      steadyFrom[0] = Instant.now();
      steadyUpdates(db);
      waitFor(() -> lags.size() >= STEADY_UPDATES);
      engine.stop(Duration.ofSeconds(10));
      return new Result(rows, collections, bulk, List.copyOf(lags));
    }
  }

  /** Runs one statement changing {@code rows} rows and times the push of all of them. */
  private static Push measure(RemoteOrg org, BenchDatabase db, int rows, String sql)
      throws Exception {
    long callsBefore = org.apiCalls();
    long t0 = System.nanoTime();
    db.test.execute(sql);
    long committed = System.nanoTime();
    waitFor(() -> db.count(LEFT_OVER) == 0);
    long done = System.nanoTime();
    return new Push(
        rows / ((done - t0) / 1e9),
        rows / ((done - committed) / 1e9),
        (org.apiCalls() - callsBefore) * 10_000.0 / rows);
  }

  /**
   * Pushes full rounds through each path first, the same statements as the measured phases (inserts
   * through Collections, updates through Bulk), so the measured rounds run on JVMs that have
   * compiled both paths, as a daemon's would. After one round of each, the JIT compilers of the
   * engine and the org still took half of both JVMs' CPU during the measured rounds
   * (async-profiler, samples by thread). They compile less with every round, but for dozens of
   * rounds: three take the largest part out, while more would only grow the org's heap.
   */
  private static void warmUp(BenchDatabase db) throws Exception {
    for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
      db.test.execute(insertRows("Warm-up " + round + " ", WARM_UP_ROWS));
      waitFor(() -> db.count(LEFT_OVER) == 0);
      db.test.execute(updateRows("Warm-up " + round + " "));
      waitFor(() -> db.count(LEFT_OVER) == 0);
    }
  }

  private static String insertRows(String namePrefix, int rows) {
    return "INSERT INTO salesforce.account (name, industry, numberofemployees) SELECT '"
        + namePrefix
        + "' || g, 'Energy', g FROM generate_series(1, "
        + rows
        + ") g";
  }

  private static String updateRows(String namePrefix) {
    return "UPDATE salesforce.account SET industry = 'Retail' WHERE name LIKE '"
        + namePrefix
        + "%'";
  }

  /** One update every 50 ms, each to a different row, so each is its own push. */
  private static void steadyUpdates(BenchDatabase db) throws Exception {
    try (Connection c = db.test.connect()) {
      for (int i = 1; i <= STEADY_UPDATES; i++) {
        long next = System.nanoTime() + STEADY_GAP.toNanos();
        c.createStatement()
            .execute(
                "UPDATE salesforce.account SET numberofemployees = -"
                    + i
                    + " WHERE name = 'Bench "
                    + i
                    + "'");
        // pacing the load generator, not waiting for sync; parked, not spinning, since a spinning
        // thread took one of the 2 cores from the writer, the org and PostgreSQL it measures
        for (long left; (left = next - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(left);
        }
      }
    }
  }

  /** Waits for the sync, checking every 20 ms, for at most ten minutes. */
  static void waitFor(Check check) throws Exception {
    waitFor(check, Duration.ofMinutes(10));
  }

  static void waitFor(Check check, Duration max) throws Exception {
    long deadline = System.nanoTime() + max.toNanos();
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the sync did not finish within " + max);
      }
      Thread.sleep(20);
    }
  }

  @FunctionalInterface
  interface Check {
    boolean done() throws Exception;
  }
}
