package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A million-row bulk query streams through a 64 MB heap: no page is ever held in memory. */
class BulkMemoryIT {

  private static final int ACCOUNTS = 1_000_000;

  @RegisterExtension static final EmulatorOrg org = new EmulatorOrg();

  @Test
  void aMillionRowsStreamThroughA64MbHeap() throws IOException, InterruptedException {
    org.emulator().seed(ACCOUNTS, 0, 0);
    EmulatorConfig config = org.emulator().config();
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log =
        Path.of(System.getProperty("java.io.tmpdir"))
            .resolve("bulk-memory-" + ProcessHandle.current().pid() + ".log");
    Process child =
        new ProcessBuilder(
                List.of(
                    javaBin.toString(),
                    "-Xmx64m",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-cp",
                    System.getProperty("java.class.path"),
                    BulkMemoryMain.class.getName(),
                    org.emulator().baseUrl(),
                    config.username(),
                    config.password(),
                    config.clientId(),
                    config.clientSecret()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();

    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(exited).as(output).isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("rows=" + ACCOUNTS + " ").contains("total=" + ACCOUNTS + " ");
    Files.deleteIfExists(log);
  }
}
