package io.pgforce.app.demo;

import io.pgforce.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pgforce demo}: the sample org, PostgreSQL, the sync and the dashboard, until Ctrl-C. */
@Command(
    name = "demo",
    description =
        "Run everything locally: an emulated org with sample data, PostgreSQL (embedded unless"
            + " --database-url), the sync and the dashboard.")
public final class DemoCommand implements Callable<Integer> {

  /** How long the first load may take before the demo stops waiting to print what to try. */
  private static final Duration LOAD_PATIENCE = Duration.ofMinutes(5);

  @Spec CommandSpec spec;

  @Option(names = "--port", description = "The dashboard's port. Default: ${DEFAULT-VALUE}.")
  int port = 8080;

  @Option(
      names = "--emulator-port",
      description = "The emulated org's port (0 for any free one). Default: ${DEFAULT-VALUE}.")
  int emulatorPort = EmulatorConfig.DEFAULT_PORT;

  @Option(
      names = "--seed-records",
      paramLabel = "N",
      description =
          "Records in the sample org (Accounts:Contacts:Opportunities 1:2:1). Default: ${DEFAULT-VALUE}.")
  int seedRecords = 4000;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "Use this PostgreSQL (postgres://user:password@host:5432/db) instead of an embedded one.")
  String databaseUrl;

  /** Counted down to stop the demo; tests count it down in place of Ctrl-C. */
  final CountDownLatch stop = new CountDownLatch(1);

  /** Counted down once everything is closed, so Ctrl-C's hook holds the JVM open until then. */
  private final CountDownLatch closed = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Starting the pgforce demo: PostgreSQL, a sample org with "
            + seedRecords
            + " records, the sync...");
    out.flush();
    Demo.Options options =
        new Demo.Options(port, emulatorPort, seedRecords, Optional.ofNullable(databaseUrl));
    Thread hook = new Thread(this::stopAndWait, "pgforce-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Demo demo = Demo.start(options, Clock.systemUTC())) {
      DemoBanner.running(out, demo);
      if (awaitSynced(demo)) {
        DemoBanner.synced(out, demo, demo.sampleAccountId().orElse("001..."));
      }
      stop.await();
    } finally {
      closed.countDown();
      removeHook(hook);
    }
    out.println("pgforce demo stopped.");
    out.flush();
    return 0;
  }

  private void stopAndWait() {
    stop.countDown();
    try {
      closed.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the first load, or for Ctrl-C; false when stopped or out of patience. */
  private boolean awaitSynced(Demo demo) throws InterruptedException {
    Instant deadline = Instant.now().plus(LOAD_PATIENCE);
    while (!demo.synced()) {
      if (stop.await(250, TimeUnit.MILLISECONDS) || Instant.now().isAfter(deadline)) {
        return false;
      }
    }
    return true;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is what brought us here
    }
  }
}
