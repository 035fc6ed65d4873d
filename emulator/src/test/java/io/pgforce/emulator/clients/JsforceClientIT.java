package io.pgforce.emulator.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.testing.EmulatorTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The real jsforce 3 client (pinned in src/test/js/package-lock.json) against the emulator: logs
 * in, describes, queries with paging, creates, updates, upserts, deletes and uses collections.
 * Installs jsforce with {@code npm ci} when node_modules is missing; fails, with the script's
 * output, if Node, npm or the script fail.
 */
class JsforceClientIT {

  private static final Path SCRIPTS =
      Path.of(System.getProperty("basedir", ".")).resolve("src/test/js");

  @Test
  void jsforceDrivesTheEmulator() throws Exception {
    installJsforce();
    try (Emulator emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .port(0)
                .metadataFile(EmulatorTestBase.testMetadata())
                .build())) {
      Result result =
          run(
              List.of(
                  "node",
                  "jsforce-check.mjs",
                  emulator.baseUrl(),
                  emulator.config().username(),
                  emulator.config().password()),
              180);
      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output()).contains("jsforce check passed");
      assertThat(emulator.stats().count("POST /services/Soap/u/{version}")).isEqualTo(1);
      assertThat(emulator.stats().count("GET /services/data/{version}/query/{locator}"))
          .isGreaterThanOrEqualTo(2);
    }
  }

  private static void installJsforce() throws Exception {
    if (Files.isDirectory(SCRIPTS.resolve("node_modules/jsforce"))) {
      return;
    }
    Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
    assertThat(install.exitCode()).as("npm ci failed:\n" + install.output()).isZero();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, long timeoutSeconds) throws Exception {
    Path log = Files.createTempFile("jsforce-check", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(SCRIPTS.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSeconds + "s:\n" + read(log));
      }
      return new Result(process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
