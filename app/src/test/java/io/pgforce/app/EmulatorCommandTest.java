package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.EmulatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EmulatorCommandTest {

  @Test
  void withoutOptionsTheDocumentedDefaultsApply() {
    EmulatorConfig config = parse().config();
    assertThat(config.port()).isEqualTo(7443);
    assertThat(config.username()).isEqualTo("admin@pgforce.local");
    assertThat(config.password()).isEqualTo("pgforce123");
    assertThat(config.clientId()).isEqualTo("pgforce-client-id");
    assertThat(config.clientSecret()).isEqualTo("pgforce-client-secret");
    assertThat(config.apiVersion()).isEqualTo("60.0");
    assertThat(config.metadataFile()).isEmpty();
  }

  @Test
  void optionsSetTheConfiguration() {
    EmulatorCommand command =
        parse(
            "--port",
            "0",
            "--username",
            "u@x.test",
            "--password",
            "p",
            "--client-id",
            "c",
            "--client-secret",
            "s",
            "--metadata",
            "meta.json",
            "--api-version",
            "59.0",
            "--token-lifetime",
            "PT30S",
            "--seed-records",
            "40");
    EmulatorConfig config = command.config();
    assertThat(config.port()).isZero();
    assertThat(config.username()).isEqualTo("u@x.test");
    assertThat(config.password()).isEqualTo("p");
    assertThat(config.clientId()).isEqualTo("c");
    assertThat(config.clientSecret()).isEqualTo("s");
    assertThat(config.metadataFile()).contains(Path.of("meta.json"));
    assertThat(config.apiVersion()).isEqualTo("59.0");
    assertThat(config.tokenLifetime()).isEqualTo(Duration.ofSeconds(30));
    assertThat(command.seedRecords).isEqualTo(40);
  }

  @Test
  void invalidOptionsExitWithTheReasons() {
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine()
            .setErr(new PrintWriter(err))
            .execute("emulator", "--port", "70000", "--api-version", "sixty");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("port must be 0-65535").contains("apiVersion");
  }

  @Test
  void theCommandIsRegisteredUnderMain() {
    StringWriter out = new StringWriter();
    Main.commandLine().setOut(new PrintWriter(out)).execute("emulator", "--help");
    assertThat(out.toString()).contains("--seed-records").contains("--metadata");
  }

  private static EmulatorCommand parse(String... args) {
    EmulatorCommand command = new EmulatorCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }
}
