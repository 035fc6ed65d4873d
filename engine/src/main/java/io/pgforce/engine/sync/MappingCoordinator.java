package io.pgforce.engine.sync;

import io.pgforce.engine.ConfigurationException;
import io.pgforce.engine.LoginRefusals;
import io.pgforce.engine.Problems;
import io.pgforce.engine.Waits;
import io.pgforce.engine.inbound.ChangeEventApplier;
import io.pgforce.engine.inbound.ChangeEventInbox;
import io.pgforce.engine.inbound.DriftChecker;
import io.pgforce.engine.inbound.LoadProgress;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.schema.ObjectSchemas;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.streaming.Subscription;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one mapping through its phases on its own thread: prepare the table, load it once, then
 * follow Salesforce's changes by Change Data Capture (when accelerated) and by polling, on schedule
 * or when asked. Operator commands (pause, resume, reload, poll, drift check) arrive on a queue and
 * are handled between steps, so no step is cut off half-done.
 */
public final class MappingCoordinator implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(MappingCoordinator.class);
  private static final Duration MAX_ERROR_BACKOFF = Duration.ofMinutes(5);

  /** The replayId that subscribes to events published from now on. */
  private static final long NEW_EVENTS_ONLY = -1;

  private final Mapping mapping;
  private final SyncContext ctx;
  private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
  private final MappingState state;
  private TableDefinition def;
  private Subscription subscription;
  private ChangeEventInbox inbox;
  private Instant nextPoll;
  private Instant nextDriftCheck;
  private Duration errorBackoff = Duration.ofSeconds(1);
  private Instant nextStreamStart = Instant.MIN;
  private Duration streamBackoff = Duration.ofSeconds(1);

  MappingCoordinator(Mapping mapping, SyncContext ctx) {
    this.mapping = mapping;
    this.ctx = ctx;
    this.state = new MappingState(mapping, ctx);
  }

  @Override
  public void run() {
    try {
      state.register();
      prepare();
      loadUnlessLoaded();
      followChanges();
    } catch (ConfigurationException e) {
      state.status(MappingStatus.BAD_CONFIG, e.getMessage());
      LOG.error(
          "event=\"{} mapping cannot run\" state=BAD_CONFIG detail=\"{}\"",
          mapping.objectName(),
          e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      unsubscribe();
    }
  }

  /** Asks the coordinator to do something; it happens between steps. */
  void send(Command command) {
    commands.add(command);
  }

  MappingSnapshot snapshot() {
    return state.snapshot();
  }

  Mapping mapping() {
    return mapping;
  }

  private void prepare() throws InterruptedException {
    while (true) {
      try {
        def = resolve();
        if (mapping.isReadWrite()) {
          // known to the writer before its triggers exist, so no logged change finds it unknown
          ctx.readWriteTables().put(def.table(), def);
        }
        ctx.schemaManager().prepare(def, state);
        state.restore();
        return;
      } catch (SQLException | RuntimeException e) {
        if (e instanceof ConfigurationException ce) {
          throw ce;
        }
        failAndWait(e, MappingStatus.SYSTEM_ERROR);
      }
    }
  }

  private TableDefinition resolve() {
    Problems problems = new Problems();
    var schema = ObjectSchemas.from(ctx.salesforce().describe(mapping.objectName()));
    Optional<TableDefinition> resolved = TableDefinition.resolve(mapping, schema, problems);
    problems.throwIfAny("Mapping " + mapping.objectName());
    return resolved.orElseThrow();
  }

  private void loadUnlessLoaded() throws InterruptedException {
    while (!state.isLoaded()) {
      try {
        load();
      } catch (SQLException | RuntimeException e) {
        failAndWait(e, MappingStatus.BULK_LOAD_ERROR);
      }
    }
  }

  private void load() throws SQLException {
    long expected = ctx.loader().count(def);
    LoadProgress progress = new LoadProgress(ctx.clock(), expected);
    state.loading(progress, expected > ctx.settings().bulkThreshold());
    ctx.loader().load(def, progress);
    state.loaded();
  }

  private void followChanges() throws InterruptedException {
    subscribeIfAccelerated();
    nextPoll = ctx.clock().instant();
    nextDriftCheck = ctx.clock().instant().plus(ctx.settings().driftCheckEvery());
    while (true) {
      Command command = commands.poll(millisUntil(nextPoll), TimeUnit.MILLISECONDS);
      if (command == Command.STOP) {
        return;
      }
      handle(command == null ? Command.POLL : command);
    }
  }

  private void handle(Command command) throws InterruptedException {
    switch (command) {
      case PAUSE -> pause();
      case RESUME -> resume();
      case RELOAD -> reload();
      case CHECK_DRIFT -> checkDrift();
      case CATCH_UP -> catchUp();
      default -> pollIfRunning();
    }
    restartStoppedStream();
  }

  private void catchUp() {
    pollIfRunning();
    Instant again = ctx.clock().instant().plus(ctx.settings().settle()).plusSeconds(1);
    if (again.isBefore(nextPoll)) {
      nextPoll = again;
    }
  }

  private void pollIfRunning() {
    if (state.target() == TargetState.PAUSED) {
      nextPoll = ctx.clock().instant().plus(pollInterval());
      return;
    }
    try {
      ctx.poller().poll(def);
      state.polled();
      errorBackoff = Duration.ofSeconds(1);
      nextPoll = ctx.clock().instant().plus(pollInterval());
      if (!ctx.clock().instant().isBefore(nextDriftCheck)) {
        checkDrift();
      }
    } catch (SQLException | RuntimeException e) {
      fail(e, MappingStatus.SYSTEM_ERROR);
      nextPoll = ctx.clock().instant().plus(errorBackoff);
    }
  }

  private void checkDrift() {
    nextDriftCheck = ctx.clock().instant().plus(ctx.settings().driftCheckEvery());
    try {
      DriftChecker.Counts counts = ctx.drift().check(def);
      state.counted(counts);
      if (counts.drifted()) {
        ctx.drift().repair(def);
        state.counted(ctx.drift().check(def));
      }
    } catch (SQLException | RuntimeException e) {
      fail(e, MappingStatus.SYSTEM_ERROR);
    }
  }

  private void reload() throws InterruptedException {
    unsubscribe();
    state.status(MappingStatus.RELOAD_TABLE, "reloading at the operator's request");
    state.forgetLoad();
    loadUnlessLoaded();
    subscribeIfAccelerated();
    nextPoll = ctx.clock().instant();
  }

  private void pause() {
    state.target(TargetState.PAUSED);
    unsubscribe();
  }

  private void resume() {
    state.target(TargetState.RUNNING);
    subscribeIfAccelerated();
    nextPoll = ctx.clock().instant();
  }

  /**
   * A change stream stops for good when Salesforce refuses its replayId (events are kept 72 hours,
   * so after a longer outage the saved one is too old) or an event could not be applied. Its stop
   * asks for a poll, which brings the coordinator here; the stream starts again for new events
   * only, and the poll it asks for once connected reads what it missed: polling's cursor never
   * relies on the stream.
   */
  private void restartStoppedStream() {
    if (subscription == null || !subscription.isClosed()) {
      if (subscription != null && subscription.isConnected()) {
        streamBackoff = Duration.ofSeconds(1);
      }
      return;
    }
    Instant now = ctx.clock().instant();
    if (now.isBefore(nextStreamStart)) {
      // a stream that keeps stopping (a revoked login) is not started in a loop; poll meanwhile
      nextPoll = nextStreamStart.isBefore(nextPoll) ? nextStreamStart : nextPoll;
      return;
    }
    LOG.warn(
        "event=\"{} change stream stopped, starting it again for new events\" retry_in_secs={}",
        mapping.objectName(),
        streamBackoff.toSeconds());
    unsubscribe();
    nextStreamStart = now.plus(streamBackoff);
    streamBackoff = Waits.doubled(streamBackoff, MAX_ERROR_BACKOFF);
    subscribeIfAccelerated(NEW_EVENTS_ONLY);
  }

  private void subscribeIfAccelerated() {
    if (mapping.sfNotifyEnabled()) {
      subscribeIfAccelerated(state.replayFrom(ChangeEventApplier.channelFor(mapping.objectName())));
    }
  }

  private void subscribeIfAccelerated(long replayFrom) {
    if (!mapping.sfNotifyEnabled()
        || subscription != null
        || state.target() == TargetState.PAUSED) {
      return;
    }
    String channel = ChangeEventApplier.channelFor(mapping.objectName());
    ChangeEventApplier applier =
        new ChangeEventApplier(
            def,
            ctx.db(),
            ctx.schema(),
            ctx.salesforce(),
            ctx.clock(),
            channel,
            () -> send(Command.CATCH_UP),
            ctx.observer());
    inbox = new ChangeEventInbox(applier, mapping.objectName());
    subscription = ctx.salesforce().streaming().subscribe(channel, replayFrom, inbox);
  }

  private void unsubscribe() {
    if (subscription != null) {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.debug(
            "closing the change stream of {} failed: {}", mapping.objectName(), e.getMessage());
      }
      subscription = null;
      inbox.close();
      inbox = null;
    }
  }

  private Duration pollInterval() {
    return Duration.ofSeconds(mapping.sfPollingSeconds());
  }

  private long millisUntil(Instant when) {
    return Math.max(0, Duration.between(ctx.clock().instant(), when).toMillis());
  }

  /** Records a failure; the one place that decides how long to back off before trying again. */
  private void fail(Exception e, MappingStatus status) {
    boolean retriable = ErrorClassifier.isRetriable(e) || e instanceof SQLException;
    String detail = LoginRefusals.in(e).map(LoginRefusals::explain).orElse(e.getMessage());
    state.status(status, detail);
    LOG.warn(
        "event=\"{} sync step failed\" state={} retriable={} retry_in_secs={} error=\"{}\"",
        mapping.objectName(),
        status,
        retriable,
        errorBackoff.toSeconds(),
        detail);
    errorBackoff = Waits.doubled(errorBackoff, MAX_ERROR_BACKOFF);
  }

  private void failAndWait(Exception e, MappingStatus status) throws InterruptedException {
    Duration wait = errorBackoff;
    fail(e, status);
    Command command = commands.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (command == Command.STOP) {
      throw new InterruptedException("stopped");
    }
    if (command == Command.PAUSE || command == Command.RESUME) {
      state.target(command == Command.PAUSE ? TargetState.PAUSED : TargetState.RUNNING);
    }
  }
}
