package io.pgforce.engine.outbound;

import static java.util.stream.Collectors.toSet;

import io.pgforce.engine.RestartingLoop;
import io.pgforce.engine.SyncObserver;
import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.Threads;
import io.pgforce.engine.Waits;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.Result;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.error.RetriableSalesforceException;
import io.pgforce.salesforce.error.SalesforceAuthException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbound writer of one connection: wakes on the trigger log's NOTIFY (or its poll timeout),
 * claims NEW entries in id order, merges each record's entries into one write, pushes parents'
 * tables before their children's, and records every result. One failed record never holds up the
 * others; writes Salesforce refused for now go back to NEW and the writer backs off before the next
 * round.
 */
public final class OutboundWriter implements RestartingLoop.Loop {

  private static final Logger LOG = LoggerFactory.getLogger(OutboundWriter.class);

  /**
   * Entries claimed per round. Large enough that a backlog of ten thousand changes to one table
   * goes as one Bulk job (a handful of calls); a round of small changes claims only what is there.
   */
  private static final int CLAIM_BATCH = 10_000;

  private static final Duration STALE_CLAIM = Duration.ofMinutes(5);
  private static final Duration STALE_CHECK_INTERVAL = Duration.ofMinutes(1);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
  private static final Duration MAX_RECORD_WAIT = Duration.ofSeconds(5);
  private static final Duration MAX_CHECK_WAIT = Duration.ofSeconds(10);

  private final Database db;
  private final LogNotifications wake;
  private final TriggerLogQueue queue;
  private final ParallelClaim claims;
  private final ResultRecorder recorder;
  private final WriteBatches batches;
  private final UncertainInserts uncertain;
  private final Map<String, TableDefinition> tables;
  private final Duration pollInterval;
  private final SyncObserver observer;
  private final Clock clock;
  private final AtomicLong pushed;

  /** Pushes a round while the writer's own thread claims the next. */
  private final ExecutorService rounds =
      Executors.newSingleThreadExecutor(Threads.daemon("pgforce-push-round"));

  private final ParallelHalves recordings = new ParallelHalves("pgforce-record");

  private volatile boolean stopped;
  private Duration backoff = Duration.ZERO;
  private Instant nextStaleCheck = Instant.MIN;

  /**
   * @param pushed counts the records pushed successfully; the engine's, so a writer started again
   *     after the last one ended adds to the same count
   */
  public OutboundWriter(
      Database db,
      SyncSchema schema,
      SalesforceClient salesforce,
      int bulkThreshold,
      Map<String, TableDefinition> tables,
      LogNotifications wake,
      Duration pollInterval,
      SyncObserver observer,
      Clock clock,
      AtomicLong pushed) {
    this.db = db;
    this.wake = wake;
    this.queue = new TriggerLogQueue(schema);
    this.claims = new ParallelClaim(db, queue);
    this.recorder = new ResultRecorder(schema);
    this.batches =
        new WriteBatches(db, schema, new SalesforcePush(salesforce, bulkThreshold), tables);
    this.uncertain = new UncertainInserts(salesforce, db, schema);
    this.tables = tables;
    this.pollInterval = pollInterval;
    this.observer = observer;
    this.clock = clock;
    this.pushed = pushed;
  }

  @Override
  public void run() {
    try {
      if (stopped) {
        return; // stopped before it started: an abandoned claim is for the next writer
      }
      recoverAbandoned();
      while (!stopped) {
        drain();
        waitForWork();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.error("event=\"outbound writer stopped\" error=\"{}\"", e.getMessage());
    } finally {
      rounds.shutdown();
      claims.close();
      recordings.close();
      batches.close();
    }
  }

  /**
   * One writer serves a sync schema, so whatever is PENDING now was claimed by a writer that died
   * (SIGKILL, a lost host) and would otherwise wait for the stale-claim age. Its inserts may have
   * been made: those found in Salesforce are recorded as made, and the rest go back to NEW.
   */
  private void recoverAbandoned() throws SQLException, InterruptedException {
    // each step waits out an unavailable database: a writer that gave up here never started
    List<PendingWrite> abandoned =
        ChangeMerger.merge(untilDone("reading abandoned claims", 0, queue::pending));
    List<WriteOutcome> made = findMade(abandoned);
    if (!made.isEmpty()) {
      recordUntilDone(made);
      LOG.info("event=\"abandoned inserts found in Salesforce\" records={}", made.size());
    }
    untilDone(
        "handing back abandoned claims",
        abandoned.size(),
        c -> queue.requeueStale(c, Duration.ZERO));
  }

  /**
   * Looks for the records of abandoned inserts until Salesforce answers: pushed blind, they could
   * be created twice, and while the org (or the database) is unavailable nothing could be pushed
   * anyway. Only a question the org refuses outright gives up on the check.
   */
  private List<WriteOutcome> findMade(List<PendingWrite> abandoned) throws InterruptedException {
    Duration wait = Duration.ofMillis(500);
    while (true) {
      try {
        List<WriteOutcome> made = new ArrayList<>();
        for (TableDefinition def : tables.values()) {
          List<PendingWrite> ofTable =
              abandoned.stream().filter(w -> w.table().equals(def.table())).toList();
          made.addAll(uncertain.find(def, ofTable));
        }
        return made;
      } catch (RetriableSalesforceException | SalesforceAuthException | SQLException e) {
        LOG.warn(
            "event=\"abandoned inserts not checked yet\" retry_in_secs={} error=\"{}\"",
            wait.toMillis() / 1000.0,
            e.getMessage());
        if (stopped) {
          throw new InterruptedException("stopped while checking abandoned inserts");
        }
        Thread.sleep(wait.toMillis()); // the org is unavailable; its answer is needed first
        wait = Waits.doubled(wait, MAX_CHECK_WAIT);
      } catch (RuntimeException e) {
        LOG.warn(
            "event=\"abandoned inserts not checked\" outcome=\"pushed again\" error=\"{}\"",
            e.getMessage());
        return List.of();
      }
    }
  }

  @Override
  public void stop() {
    stopped = true;
  }

  /**
   * Pushes until nothing NEW is left, or until Salesforce asks to slow down. Through a backlog, the
   * next round is claimed while Salesforce works on one, so the database's work and the org's
   * overlap. Rounds are still pushed one after the other, each once the one before is recorded: a
   * child inserted in the next round finds its parent's sfid, and so does a record's later change.
   */
  private void drain() throws SQLException {
    List<LogEntry> claimed = List.of();
    List<LogEntry> next = List.of();
    boolean refreshed = false;
    try {
      requeueStaleClaims();
      claimed = claim();
      while (!claimed.isEmpty() && !stopped) {
        List<PendingWrite> writes = ChangeMerger.merge(claimed);
        Future<Boolean> pushing = rounds.submit(() -> pushRound(writes));
        // a full round says more is waiting: claim it while this one is pushed
        next = claimed.size() >= CLAIM_BATCH ? claimBesides(claimed) : List.of();
        if (next.size() >= CLAIM_BATCH && !refreshed) {
          refreshStatistics();
          refreshed = true;
        }
        if (!Threads.await(pushing)) {
          handBack(next);
          return; // some writes must wait: back off before the next round
        }
        claimed = next.isEmpty() ? claim() : next;
        next = List.of();
      }
      handBack(claimed); // stopped with a round claimed but not pushed
    } catch (SQLException | RuntimeException e) {
      LOG.warn("event=\"outbound round failed\" error=\"{}\"", e.getMessage());
      handBack(claimed);
      handBack(next);
      growBackoff();
    }
  }

  private List<LogEntry> claim() throws SQLException {
    return claims.claim(CLAIM_BATCH, Set.of());
  }

  /**
   * Claims the next round while {@code inFlight} is pushed, without its records: their later
   * changes wait for its result (an update of a record being inserted needs the new sfid). A claim
   * that fails leaves the next round to the next claim, since the round in flight must be recorded
   * first.
   */
  private List<LogEntry> claimBesides(List<LogEntry> inFlight) {
    Set<LogEntry.Record> busy = inFlight.stream().map(LogEntry::record).collect(toSet());
    try {
      return claims.claim(CLAIM_BATCH, busy);
    } catch (SQLException e) {
      LOG.warn("event=\"next outbound round not claimed\" error=\"{}\"", e.getMessage());
      return List.of();
    }
  }

  /**
   * Hands back entries another writer claimed and then died with (a second instance, a lost host).
   * They are five minutes old before they count as abandoned, so looking once a minute is enough;
   * looking every round cost a scan of the log per round through a backlog.
   */
  private void requeueStaleClaims() throws SQLException {
    Instant now = clock.instant();
    if (now.isBefore(nextStaleCheck)) {
      return;
    }
    db.inTransaction(c -> queue.requeueStale(c, STALE_CLAIM));
    nextStaleCheck = now.plus(STALE_CHECK_INTERVAL);
  }

  /**
   * Two full rounds in a drain mean a backlog of more than one round: the log's statistics are
   * refreshed once for it (see {@link TriggerLogQueue#refreshStatistics}), while its first round is
   * pushed. A backlog of one round is pushed before stale plans cost more than the refresh would.
   */
  private void refreshStatistics() throws SQLException {
    db.inTransaction(
        c -> {
          queue.refreshStatistics(c);
          return null;
        });
  }

  /**
   * A round that failed before its results were recorded (the database went away, say) hands its
   * entries back to NEW, so the next round pushes them again. The database may be restarting: the
   * hand-back is tried until it is done, or the entries would wait out the stale-claim age.
   */
  private void handBack(List<LogEntry> claimed) throws SQLException {
    if (!claimed.isEmpty()) {
      List<Long> ids = claimed.stream().map(LogEntry::id).toList();
      untilDone("outbound hand-back", ids.size(), c -> queue.release(c, ids));
    }
  }

  /** Pushes one round; false when some writes were refused for now. */
  private boolean pushRound(List<PendingWrite> writes) {
    long started = System.nanoTime();
    List<WriteOutcome> outcomes = batches.push(writes, this::recordAnswered);
    long ok =
        outcomes.stream()
            .filter(o -> o.result() == Result.SUCCESS && o.write().kind() != Kind.NOTHING)
            .count();
    long failed = outcomes.stream().filter(o -> o.result() == Result.FAILED).count();
    boolean retry = outcomes.stream().anyMatch(o -> o.result() == Result.RETRY);
    pushed.addAndGet(ok);
    observe(outcomes);
    LOG.info(
        "event=\"UPDATE SALESFORCE {} rows ({} secs)\" object_type=sync direction=outbound failed={} retry={}",
        ok,
        (System.nanoTime() - started) / 1_000_000 / 1000.0,
        failed,
        retry);
    if (retry) {
      growBackoff();
      logWhyWritesWait(outcomes);
    } else {
      backoff = Duration.ZERO;
    }
    return !retry;
  }

  /** Says why writes went back to NEW, so an operator sees a refused login, not just a retry. */
  private void logWhyWritesWait(List<WriteOutcome> outcomes) {
    outcomes.stream()
        .filter(o -> o.result() == Result.RETRY)
        .findFirst()
        .flatMap(WriteOutcome::error)
        .ifPresent(
            e ->
                LOG.warn(
                    "event=\"outbound writes wait\" state=NEW retry_in_secs={} error=\"{}\"",
                    backoff.toMillis() / 1000.0,
                    e.code() + ": " + e.message()));
  }

  /**
   * Records outcomes as they become known, a large set in two halves at once (a Bulk job's 10,000
   * results took one PostgreSQL core 0.3 s). Only a stopping writer gives up; its round then ends
   * like a failed one, which hands back only the entries still PENDING.
   */
  private void recordAnswered(List<WriteOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    try {
      recordings.run(
          outcomes,
          half -> {
            recordUntilDone(half);
            return List.of();
          },
          recorded -> {});
    } catch (SQLException e) {
      throw new IllegalStateException("recording push results: " + e.getMessage(), e);
    }
  }

  /**
   * Records what Salesforce answered, trying again until it is recorded: the writes happened, and
   * pushing them again would create inserted records twice. The database may be restarting, or an
   * insert's own change event may have just committed a copy of its row (the next try adopts it).
   */
  private void recordUntilDone(List<WriteOutcome> outcomes) throws SQLException {
    untilDone(
        "recording push results",
        outcomes.size(),
        c -> {
          recorder.record(c, outcomes);
          return null;
        });
  }

  /**
   * Runs {@code work} in a transaction until it commits, waiting longer after each failure; its
   * result.
   */
  private <T> T untilDone(String what, int records, Database.SqlWork<T> work) throws SQLException {
    Duration wait = Duration.ofMillis(200);
    while (true) {
      try {
        return db.inTransaction(work);
      } catch (SQLException e) {
        if (stopped || Thread.currentThread().isInterrupted()) {
          throw e;
        }
        LOG.warn(
            "event=\"{} failed\" records={} retry_in_ms={} error=\"{}\"",
            what,
            records,
            wait.toMillis(),
            e.getMessage());
        sleepQuietly(wait);
        wait = Waits.doubled(wait, MAX_RECORD_WAIT);
      }
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis()); // waiting for the database to come back, not for a sync result
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void observe(List<WriteOutcome> outcomes) {
    Instant now = clock.instant();
    for (WriteOutcome o : outcomes) {
      String object = o.write().table();
      if (o.result() == Result.SUCCESS && o.write().kind() != Kind.NOTHING) {
        observer.rowsSynced(object, Direction.OUTBOUND, 1);
        observer.lag(
            object,
            Direction.OUTBOUND,
            "collections",
            Duration.between(o.write().firstChangeAt(), now));
      }
      o.error().ifPresent(e -> observer.error(object, Direction.OUTBOUND, e.code()));
    }
  }

  private void waitForWork() throws InterruptedException {
    if (!backoff.isZero()) {
      Thread.sleep(
          backoff.toMillis()); // Salesforce asked us to wait; a NOTIFY must not cut this short
    }
    wake.awaitWake(pollInterval);
  }

  private void growBackoff() {
    backoff = backoff.isZero() ? Duration.ofMillis(500) : Waits.doubled(backoff, MAX_BACKOFF);
  }
}
