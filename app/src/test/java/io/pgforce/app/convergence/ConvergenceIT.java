package io.pgforce.app.convergence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.salesforce.AuthFlow;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.SalesforceConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Random;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, in the spirit of Jepsen: random edits on both sides at once (REST, Collections, Bulk
 * and in-process DML in the org; SQL in Postgres; often the same record from both sides) while
 * faults strike (503s, UNABLE_TO_LOCK_ROW, expired sessions, latency, dropped streaming
 * connections, gap events, the engine killed with SIGKILL, PostgreSQL restarted); then, once the
 * sync has caught up, nothing may be lost, duplicated or different between the sides, and the last
 * writer must have won. Size and seed come from system properties (see docs/convergence.md); any
 * failure prints the seed and the first findings in full, both sides' values and the record's ops
 * log.
 */
class ConvergenceIT {

  private static final Duration START_DEADLINE = Duration.ofSeconds(120);
  private static final Duration QUIESCE_DEADLINE = Duration.ofSeconds(180);
  private static final int SEED_RECORDS_PER_OBJECT = 20;

  @Test
  void bothSidesConvergeUnderFaults() throws Exception {
    ConvergenceSettings settings = ConvergenceSettings.fromSystemProperties();
    Path dir = runDirectory(settings);
    long began = System.nanoTime();
    try (RestartablePostgres pg = RestartablePostgres.start(dir.resolve("pgdata"));
        Emulator org = Emulator.start(EmulatorConfig.builder().port(0).build());
        SalesforceClient client = harnessClient(org);
        EngineProcess engine = new EngineProcess(EngineConfig.write(dir, org, pg, settings), dir)) {
      Ledger ledger = new Ledger(settings.seed());
      PostgresSide postgres = new PostgresSide(pg::connect, ledger);
      SalesforceSide salesforce = new SalesforceSide(client, org, ledger, postgres::sfidOf);
      seedOrg(settings, ledger, salesforce);

      engine.start();
      awaitTablesLoaded(engine, pg);
      LatencyTargets targets = new LatencyTargets(org, engine, pg);
      FaultSchedule schedule =
          FaultSchedule.plan(
              new Random(settings.seed()), settings.operations(), settings.faultCycle());
      ConvergenceRun run =
          new ConvergenceRun(settings, ledger, salesforce, postgres, schedule, targets);
      int faults = run.run();
      postgres.close();

      boolean quiesced = quiesce(org, engine, new Quiescence(client, pg));
      Snapshot snapshot;
      try (Connection c = pg.connect()) {
        snapshot = Snapshot.read(client, c);
      }
      Verdict verdict = new ConvergenceChecker(ledger, snapshot, settings.window()).check();
      String line =
          VerdictReport.line(
              settings, run.started(), faults, verdict, snapshot, pg, engine, quiesced, began);
      System.out.println(line);
      System.out.println(VerdictReport.details(settings, verdict, snapshot, run.problems()));

      assertThat(run.problems()).as("harness problems; " + line).isEmpty();
      assertThat(quiesced).as("the sync caught up; " + line).isTrue();
      assertThat(verdict.converged()).as(line + VerdictReport.firstFinding(verdict)).isTrue();
    }
  }

  /**
   * Under target/, kept after the run: the engine's log of each start is what explains a finding.
   * The database's files are removed with the next run's directory.
   */
  private static Path runDirectory(ConvergenceSettings settings) throws java.io.IOException {
    Path dir =
        Path.of(System.getProperty("basedir", "."), "target", "convergence-" + settings.seed());
    if (java.nio.file.Files.exists(dir)) {
      try (var paths = java.nio.file.Files.walk(dir)) {
        paths
            .sorted(java.util.Comparator.reverseOrder())
            .map(Path::toFile)
            .forEach(java.io.File::delete);
      }
    }
    return java.nio.file.Files.createDirectories(dir);
  }

  /** The run's own client, named so its changes are not taken for the sync's own echoes. */
  private static SalesforceClient harnessClient(Emulator org) {
    return SalesforceClient.connect(
        SalesforceConfig.builder()
            .loginUrl(org.baseUrl())
            .authFlow(AuthFlow.PASSWORD)
            .username(org.config().username())
            .password(org.config().password())
            .clientId(org.config().clientId())
            .clientSecret(org.config().clientSecret())
            .clientName("convergence-harness")
            .retryBudget(Duration.ofSeconds(20))
            .build());
  }

  /** Records made before the engine starts, so the initial load has something to load. */
  private static void seedOrg(ConvergenceSettings settings, Ledger ledger, SalesforceSide org) {
    OperationGenerator seeds = new OperationGenerator(new Random(settings.seed()), ledger);
    for (MappedObject o : MappedObject.values()) {
      for (int i = 0; i < SEED_RECORDS_PER_OBJECT; i++) {
        org.run(
            SalesforceSide.Channel.DML,
            java.util.List.of(seeds.next(o, Write.Kind.CREATE).orElseThrow()));
      }
    }
  }

  private static void awaitTablesLoaded(EngineProcess engine, RestartablePostgres pg) {
    await().atMost(START_DEADLINE).until(engine::running);
    await()
        .atMost(START_DEADLINE)
        .ignoreExceptions()
        .until(
            () -> {
              try (Connection c = pg.connect();
                  var rs =
                      c.createStatement()
                          .executeQuery(
                              "SELECT count(*) FROM pgforce.initial_load WHERE state = 'DONE'")) {
                rs.next();
                return rs.getInt(1) == MappedObject.values().length;
              }
            });
  }

  /**
   * Stops every fault and waits, with a deadline, until the sync has caught up; false when it did
   * not (the check then shows what was left behind).
   */
  private static boolean quiesce(Emulator org, EngineProcess engine, Quiescence quiescence) {
    org.faults().clear();
    org.streamingFaults().clear();
    try {
      await().atMost(START_DEADLINE).until(engine::running); // a restart may still be starting
      await()
          .atMost(QUIESCE_DEADLINE)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(quiescence::reached);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  /** Fault targets; the latency fault is one rule at a time, removed by its own end fault. */
  private static final class LatencyTargets implements Fault.Targets {
    private final Emulator org;
    private final EngineProcess engine;
    private final RestartablePostgres pg;
    private volatile Long latencyRule;

    LatencyTargets(Emulator org, EngineProcess engine, RestartablePostgres pg) {
      this.org = org;
      this.engine = engine;
      this.pg = pg;
    }

    @Override
    public Emulator org() {
      return org;
    }

    @Override
    public EngineProcess engine() {
      return engine;
    }

    @Override
    public RestartablePostgres postgres() {
      return pg;
    }

    @Override
    public synchronized void latency(FaultRule rule) {
      if (latencyRule != null) {
        org.faults().remove(latencyRule);
        latencyRule = null;
      }
      if (rule != null) {
        latencyRule = org.addFault(rule).id();
      }
    }
  }
}
