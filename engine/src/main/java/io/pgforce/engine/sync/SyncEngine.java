package io.pgforce.engine.sync;

import io.pgforce.engine.RestartingLoop;
import io.pgforce.engine.SyncObserver;
import io.pgforce.engine.Threads;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.outbound.LogNotifications;
import io.pgforce.engine.outbound.OutboundWriter;
import io.pgforce.engine.state.EngineState;
import io.pgforce.salesforce.SalesforceClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sync: migrates engine state, installs the sync schema, and runs one coordinator
 * thread per mapping. Operator commands are addressed by object name; stopping lets every
 * coordinator finish its current step.
 */
public final class SyncEngine implements AutoCloseable {

  private final SyncContext ctx;
  private final Map<String, MappingCoordinator> coordinators = new LinkedHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;
  private final ScheduledExecutorService retention =
      Executors.newSingleThreadScheduledExecutor(Threads.daemon("pgforce-retention"));
  private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
  private final RestartingLoop writer;
  private final AtomicLong pushed = new AtomicLong();
  private volatile LogNotifications notifications;

  /** The writer's safety-net poll when no NOTIFY arrives (Heroku Connect polls every 2 minutes). */
  private static final Duration WRITER_POLL = Duration.ofSeconds(10);

  private static final Duration WRITER_FIRST_RESTART = Duration.ofSeconds(1);
  private static final Duration WRITER_MAX_RESTART = Duration.ofMinutes(1);

  private SyncEngine(SyncContext ctx) {
    this.ctx = ctx;
    this.writer = writerLoop();
  }

  /** Starts syncing the mappings; returns once every coordinator is running. */
  public static SyncEngine start(
      SalesforceClient salesforce,
      Database db,
      SyncSettings settings,
      List<Mapping> mappings,
      Clock clock)
      throws SQLException {
    return start(salesforce, db, settings, mappings, clock, SyncObserver.NONE);
  }

  /** Starts syncing, telling {@code observer} what happens (for metrics). */
  public static SyncEngine start(
      SalesforceClient salesforce,
      Database db,
      SyncSettings settings,
      List<Mapping> mappings,
      Clock clock,
      SyncObserver observer)
      throws SQLException {
    SyncContext ctx = SyncContext.create(salesforce, db, settings, clock, observer);
    EngineState.migrate(db.dataSource());
    try (var c = db.connection()) {
      ctx.schema().install(c);
    }
    SyncEngine engine = new SyncEngine(ctx);
    mappings.forEach(engine::launch);
    engine.startRetention();
    engine.startWriter(mappings.stream().filter(Mapping::isReadWrite).count());
    return engine;
  }

  /** Archives and purges the trigger log every hour, on a thread of its own. */
  private void startRetention() {
    retention.scheduleAtFixedRate(this::retainLog, 1, 60, TimeUnit.MINUTES);
  }

  private void retainLog() {
    try (var c = ctx.db().connection()) {
      var pass =
          new io.pgforce.engine.outbound.LogRetention(ctx.schema())
              .run(c, ctx.settings().archiveAfter(), ctx.settings().purgeAfter());
      LOG.info(
          "event=\"trigger log retention\" archived={} purged={}", pass.archived(), pass.purged());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("event=\"trigger log retention failed\" error=\"{}\"", e.getMessage());
    }
  }

  /**
   * Starts the outbound writer once every read-write mapping has its table ready, so no change is
   * claimed for a table whose definition is not known yet.
   */
  private void startWriter(long readWriteMappings) {
    Thread t =
        new Thread(
            () -> {
              try {
                while (ctx.readWriteTables().size() < readWriteMappings && !stopping) {
                  Thread.sleep(
                      100); // waiting for the coordinators' first step, not for a sync result
                }
                if (stopping) {
                  return;
                }
                notifications =
                    new LogNotifications(this::listenConnection, ctx.schema().notifyChannel());
                writer.run(); // returns at once if stop() has run since the check above
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "pgforce-writer");
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  /** The outbound writer, started again should it ever end while the engine runs. */
  private RestartingLoop writerLoop() {
    return new RestartingLoop(
        "outbound writer",
        () ->
            new OutboundWriter(
                ctx.db(),
                ctx.schema(),
                ctx.salesforce(),
                ctx.settings().outboundBulkThreshold(),
                ctx.readWriteTables(),
                notifications,
                WRITER_POLL,
                ctx.observer(),
                ctx.clock(),
                pushed),
        WRITER_FIRST_RESTART,
        WRITER_MAX_RESTART,
        ctx.clock());
  }

  private java.sql.Connection listenConnection() {
    try {
      return ctx.db().connection();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot open a connection to LISTEN on: " + e.getMessage(), e);
    }
  }

  /** Records pushed to Salesforce since start. */
  public long pushed() {
    return pushed.get();
  }

  /** How many times the outbound writer ended on its own and was started again. */
  public int writerRestarts() {
    return writer.restarts();
  }

  /**
   * Starts syncing one more mapping while the others run; false when the object is mapped already.
   * The writer picks up a read-write mapping added this way as soon as its table is prepared.
   */
  public synchronized boolean add(Mapping mapping) {
    if (coordinators.containsKey(mapping.objectName().toLowerCase())) {
      return false;
    }
    launch(mapping);
    return true;
  }

  /** The rows, pending and failed changes of a mapped table. */
  public TableCounts counts(String objectName) throws SQLException {
    try (var c = ctx.db().connection()) {
      return TableCounts.of(c, ctx.schema(), objectName.toLowerCase());
    }
  }

  /** The sync schema, for queries that read it (errors, counts). */
  public io.pgforce.engine.schema.SyncSchema schema() {
    return ctx.schema();
  }

  /** The database the engine syncs into. */
  public Database database() {
    return ctx.db();
  }

  private void launch(Mapping mapping) {
    MappingCoordinator coordinator = new MappingCoordinator(mapping, ctx);
    coordinators.put(mapping.objectName().toLowerCase(), coordinator);
    Thread t = new Thread(coordinator, "pgforce-" + mapping.tableName());
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  public List<MappingSnapshot> mappings() {
    return coordinators.values().stream().map(MappingCoordinator::snapshot).toList();
  }

  public Optional<MappingSnapshot> mapping(String objectName) {
    return coordinator(objectName).map(MappingCoordinator::snapshot);
  }

  /** Pauses one mapping; false when there is no such mapping. */
  public boolean pause(String objectName) {
    return send(objectName, Command.PAUSE);
  }

  public boolean resume(String objectName) {
    return send(objectName, Command.RESUME);
  }

  public boolean reload(String objectName) {
    return send(objectName, Command.RELOAD);
  }

  public boolean pollNow(String objectName) {
    return send(objectName, Command.POLL);
  }

  public boolean checkDrift(String objectName) {
    return send(objectName, Command.CHECK_DRIFT);
  }

  private boolean send(String objectName, Command command) {
    Optional<MappingCoordinator> c = coordinator(objectName);
    c.ifPresent(x -> x.send(command));
    return c.isPresent();
  }

  private Optional<MappingCoordinator> coordinator(String objectName) {
    return Optional.ofNullable(coordinators.get(objectName.toLowerCase()));
  }

  /** Stops every coordinator after its current step, waiting up to {@code grace} in all. */
  public void stop(Duration grace) throws InterruptedException {
    stopping = true;
    retention.shutdownNow();
    coordinators.values().forEach(c -> c.send(Command.STOP));
    writer.stop();
    long deadline = System.nanoTime() + grace.toNanos();
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    }
    if (notifications != null) {
      notifications.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(Duration.ofSeconds(30));
  }
}
