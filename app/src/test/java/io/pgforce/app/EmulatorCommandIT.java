package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code java -jar app/target/pgforce.jar emulator}: the command-line contract, end to end. */
class EmulatorCommandIT {

  @Test
  void printsItsLoginUrlAndCredentialsAndServesTheOrg() throws Exception {
    Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/pgforce.jar");
    assertThat(jar).exists();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                jar.toString(),
                "emulator",
                "--port",
                "0",
                "--seed-records",
                "40",
                "--password",
                "s3cret")
            .redirectErrorStream(true)
            .start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> readLines(process, lines), "emulator-output");
    reader.setDaemon(true);
    reader.start();
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> lines.stream().anyMatch(l -> l.startsWith("Press Ctrl+C")));
      String output = String.join("\n", lines);
      assertThat(output)
          .contains("Username:      admin@pgforce.local")
          .contains("Password:      s3cret")
          .contains("Client id:     pgforce-client-id")
          .contains("Seeded 40 records (10 Accounts, 20 Contacts, 10 Opportunities)");
      String loginUrl =
          lines.stream()
              .filter(l -> l.contains("Login URL:"))
              .findFirst()
              .orElseThrow()
              .replaceAll(".*Login URL:\\s+", "")
              .trim();
      assertThat(loginUrl).matches("http://localhost:\\d+");
      HttpResponse<String> versions =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(loginUrl + "/services/data")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(versions.statusCode()).isEqualTo(200);
      assertThat(versions.body()).contains("\"version\":\"60.0\"");
      assertThat(output).doesNotContain("DEBUG");
    } finally {
      process.destroy();
      process.waitFor();
    }
    assertThat(Files.exists(jar)).isTrue();
  }

  private static void readLines(Process process, List<String> lines) {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (java.io.IOException e) {
      lines.add("(output closed: " + e.getMessage() + ")");
    }
  }
}
