package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pgforce run} as a process: SIGTERM stops it cleanly, and a second start resumes where the
 * first stopped, picking up what changed in between without loading again.
 */
@WithPostgres
class RunCommandIT {

  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @Test
  void stopsCleanlyOnSigtermAndResumesWhereItStopped(TestDatabase db, @TempDir Path dir)
      throws Exception {
    try (Emulator org = Emulator.start(EmulatorConfig.builder().port(0).build())) {
      org.seed(20, 0, 0);
      Path config = config(dir, org, db);

      Process first = start(config, dir.resolve("first.log"));
      await()
          .atMost(DEADLINE)
          .until(
              () -> Files.readString(dir.resolve("first.log")).contains("event=\"sync running\""));
      await()
          .atMost(DEADLINE)
          .until(() -> count(db, "SELECT count(*) FROM salesforce.account") == 20);
      String loadedAt = query(db, "SELECT started_at::text FROM pgforce.initial_load").get(0);

      first.destroy(); // SIGTERM
      assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("exits within the grace period").isTrue();
      assertThat(Files.readString(dir.resolve("first.log"))).contains("event=\"stopped\"");

      String id = createAccount(org, "Made while stopped"); // the org changes while pgforce is down

      Process second = start(config, dir.resolve("second.log"));
      try {
        await()
            .atMost(DEADLINE)
            .until(
                () ->
                    count(db, "SELECT count(*) FROM salesforce.account WHERE sfid = '" + id + "'")
                        == 1);
        assertThat(count(db, "SELECT count(*) FROM salesforce.account")).isEqualTo(21);
        assertThat(query(db, "SELECT started_at::text FROM pgforce.initial_load"))
            .as("not loaded again")
            .containsExactly(loadedAt);
      } finally {
        second.destroy();
        second.waitFor(60, TimeUnit.SECONDS);
      }
    }
  }

  private static String createAccount(Emulator org, String name) {
    var result =
        org.dml()
            .create(
                List.of(
                    new io.pgforce.emulator.store.RecordInput(
                        "Account", null, Map.of("Name", name))),
                io.pgforce.emulator.store.DmlOptions.asUser(org.userId()));
    return result.get(0).id().orElseThrow();
  }

  private static Path config(Path dir, Emulator org, TestDatabase db) throws IOException {
    String yaml =
        """
        %s
        sync:
          settle-seconds: 1
          poll-overlap-seconds: 5
        admin:
          port: %d
        mappings:
          - object_name: Account
            config: {access: read_write, sf_polling_seconds: 1, fields: {Name: {}}}
        """
            .formatted(DaemonConfigs.connection(org, db.libpqUrl()), DaemonConfigs.freePort());
    return Files.writeString(dir.resolve("pgforce.yml"), yaml);
  }

  private static Process start(Path config, Path log) throws IOException {
    Path jar = Path.of(System.getProperty("basedir", ".")).resolve("target/pgforce.jar");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(), "-jar", jar.toString(), "run", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    List<String> rows = query(db, sql);
    return rows.isEmpty() ? -1 : Long.parseLong(rows.get(0));
  }

  private static List<String> query(TestDatabase db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    } catch (org.postgresql.util.PSQLException e) {
      return List.of(); // tables not created yet
    }
    return out;
  }
}
