package io.pgforce.app.convergence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code pgforce run} as a separate process, the way it is deployed, so a fault can kill it with
 * SIGKILL and start it again; everything it must resume from lives in PostgreSQL. Each start logs
 * to a file of its own.
 */
final class EngineProcess implements AutoCloseable {

  private final Path config;
  private final Path logDirectory;
  private Process process;
  private int starts;

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
    if (process != null) {
      process.destroy(); // SIGTERM: a clean stop at the end
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
