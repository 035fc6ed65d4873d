package io.pgforce.bench;

import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.sync.SyncEngine;
import io.pgforce.engine.sync.SyncSettings;
import io.pgforce.salesforce.bulk.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Salesforce to Postgres after the initial load, by Change Data Capture or by polling: the lag of
 * each change at a steady rate, then the throughput ceiling when a burst of changes arrives at
 * once.
 *
 * <p>A change's lag runs from just before the API call that makes it in the org to the moment its
 * row is committed in Postgres, which a trigger announces with NOTIFY ({@link CommitWatcher}).
 */
final class InboundScenario {

  private static final Duration TICK = Duration.ofMillis(20);
  private static final Duration WARM_UP = Duration.ofSeconds(3);

  /**
   * @param lagMillis the steady phase's lags, warm-up left out
   * @param ceilingRowsPerSecond changes applied per second when {@code burst} arrive in one Bulk
   *     job
   */
  record Result(
      String via, int rate, int burst, List<Double> lagMillis, double ceilingRowsPerSecond) {}

  static Result run(boolean cdc, int changesPerSecond, Duration steady, int burst)
      throws Exception {
    Mapping account =
        new Mapping(
            "Account",
            Access.READ_ONLY,
            cdc,
            cdc ? 600 : 1, // by CDC, no poll may explain a change; by polling, as often as allowed
            30000,
            List.of("Name", "NumberOfEmployees"),
            Map.of(),
            Optional.empty());
    // every change touches a record of its own: a poll sees only a record's latest value
    int steadyChanges = (int) (changesPerSecond * steady.toSeconds()) + 50;
    int accounts = steadyChanges + burst;
    try (RemoteOrg org = RemoteOrg.start(accounts, "4g");
        BenchDatabase db = BenchDatabase.create(org.client, account);
        CommitWatcher commits = CommitWatcher.start(db)) {
      SyncEngine engine =
          SyncEngine.start(
              org.client,
              db.db,
              SyncSettings.defaults("salesforce"),
              List.of(account),
              Clock.systemUTC());
      OutboundScenario.waitFor(
          () -> engine.mapping("Account").orElseThrow().status().name().equals("DATA_SYNCED"));
      List<String> ids =
          org.client
              .query("SELECT Id FROM Account ORDER BY Id")
              .map(r -> r.id().orElseThrow())
              .toList();
      List<Double> lags = steady(org, commits, ids, changesPerSecond, steady);
      double ceiling = ceiling(org, commits, ids.subList(steadyChanges, accounts));
      engine.stop(Duration.ofSeconds(10));
      return new Result(cdc ? "CDC" : "polling", changesPerSecond, burst, lags, ceiling);
    }
  }

  /**
   * Changes {@code rate} records a second, a few every tick, and waits for each to be committed.
   */
  private static List<Double> steady(
      RemoteOrg org, CommitWatcher commits, List<String> ids, int rate, Duration length)
      throws Exception {
    // a call every 20 ms or so: at 500 changes/s, 10 records a call
    int perTick = Math.max(1, (int) (rate * TICK.toMillis() / 1000));
    long tickNanos = 1_000_000_000L * perTick / rate;
    long ticks = length.toNanos() / tickNanos;
    long warmUpTicks = WARM_UP.toNanos() / tickNanos;
    List<Long> measured = new ArrayList<>();
    long start = System.nanoTime();
    for (long tick = 0; tick < ticks; tick++) {
      pace(start + tick * tickNanos);
      List<Map<String, Object>> changes = new ArrayList<>();
      for (int k = 0; k < perTick; k++) {
        long seq = commits.next();
        changes.add(change(ids.get(changes.size() + (int) tick * perTick), seq));
        if (tick >= warmUpTicks) {
          measured.add(seq);
        }
      }
      org.client.collections().update("Account", changes, false);
    }
    commits.awaitAll(measured, Duration.ofMinutes(5));
    return commits.lagsMillis(measured);
  }

  /**
   * One Bulk job changes {@code ids} at once: changes applied per second until the last commits.
   */
  private static double ceiling(RemoteOrg org, CommitWatcher commits, List<String> ids)
      throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (String id : ids) {
      long seq = commits.next();
      seqs.add(seq);
      rows.add(change(id, seq));
    }
    org.client.bulk().ingest("Account", Operation.UPDATE, null, rows);
    commits.awaitAll(seqs, Duration.ofMinutes(10));
    return ids.size() / ((commits.lastCommitNanos(seqs) - t0) / 1e9);
  }

  /** Sets a record's NumberOfEmployees to the change's number: the row's NOTIFY names it. */
  private static Map<String, Object> change(String id, long seq) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Id", id);
    fields.put("NumberOfEmployees", seq);
    return fields;
  }

  private static void pace(long untilNanos) {
    long left;
    while ((left = untilNanos - System.nanoTime()) > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(left); // pacing the load, not awaiting sync
    }
  }
}
