package io.pgforce.app;

import io.pgforce.engine.config.ConfigLoader;
import io.pgforce.engine.config.PgforceConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pgforce run --config pgforce.yml}: the sync daemon, until SIGTERM or Ctrl-C. */
@Command(name = "run", description = "Run the sync daemon against a real org or an emulator.")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(names = "--config", required = true, description = "The pgforce.yml to run with.")
  Path config;

  @Override
  public Integer call() throws Exception {
    PgforceConfig cfg = ConfigLoader.load(config);
    AtomicReference<Daemon> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before starting, so a SIGTERM during a slow start still stops what did start.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(running.get(), stopped), "pgforce-shutdown"));
    Daemon daemon = Daemon.start(cfg, Clock.systemUTC());
    running.set(daemon);
    LOG.info(
        "event=\"sync running\" mappings={} dashboard={}",
        daemon.engine().mappings().size(),
        daemon.admin().url());
    stopped.await();
    return 0;
  }

  private static void stop(Daemon daemon, CountDownLatch stopped) {
    LOG.info("event=\"stopping: finishing the work in flight\" state=STOPPING");
    try {
      if (daemon != null) {
        daemon.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("event=\"stopped\" state=STOPPED");
    stopped.countDown();
  }
}
