package io.pgforce.app.convergence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code pgforce run} as a separate process, the way it is deployed, so a fault can kill it with
 * SIGKILL and start it again; everything it must resume from lives in PostgreSQL. Each start logs
 * to a file of its own.
 */
final class EngineProcess implements AutoCloseable {

  private final Path config;
  private final Path logDirectory;
  private final ScheduledExecutorService supervisor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "engine-supervisor");
            t.setDaemon(true);
            return t;
          });
  private Process process;
  private int starts;
  private boolean closing;

  EngineProcess(Path config, Path logDirectory) {
    this.config = config;
    this.logDirectory = logDirectory;
  }

  synchronized void start() throws IOException {
    starts++;
    Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/pgforce.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx384m",
                "-jar",
                jar.toString(),
                "run",
                "--config",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(log(starts).toFile())
            .start();
    Process started = process;
    started.onExit().thenRun(() -> restartIfItDied(started));
  }

  /**
   * What a supervisor (systemd's {@code Restart=on-failure}) does, and docs/operations.md asks for:
   * a process that exits by itself, for instance because PostgreSQL was restarting while it
   * started, is started again a second later. A kill by the harness replaces the process first.
   */
  private synchronized void restartIfItDied(Process exited) {
    if (closing || exited != process) {
      return;
    }
    supervisor.schedule(() -> startAgain(exited), 1, TimeUnit.SECONDS);
  }

  private synchronized void startAgain(Process exited) {
    if (closing || exited != process) {
      return;
    }
    try {
      start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the current process has logged that it syncs. */
  boolean running() throws IOException {
    return Files.readString(log(starts)).contains("event=\"sync running\"");
  }

  /** SIGKILL, as the OOM killer or a pulled plug would: no shutdown hook runs. */
  synchronized void killAndRestart() throws Exception {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    start();
  }

  Path log(int start) {
    return logDirectory.resolve("pgforce-" + start + ".log");
  }

  int starts() {
    return starts;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    closing = true;
    supervisor.shutdownNow();
    if (process != null) {
      process.destroy(); // SIGTERM: a clean stop at the end
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
