package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.app.admin.AdminServer;
import io.pgforce.app.admin.AdminSettings;
import io.pgforce.app.admin.FeedBackend;
import io.pgforce.app.admin.SampleMappings;
import io.pgforce.engine.mapping.MappingJson;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that talk to a running daemon, against a real admin server on a random port. */
@WithPostgres
class CliIT {

  private static final String NOBODY = "http://127.0.0.1:1";
  private static final Clock CLOCK = Clock.fixed(SampleMappings.NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  private FeedBackend backend;
  private AdminServer server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startDaemon() {
    backend =
        SampleMappings.feed(new FeedBackend(CLOCK, FeedBackend.FailedWrites.NONE, Set.of("Lead")));
    server = AdminServer.start(AdminSettings.local(0), backend, () -> "", CLOCK);
  }

  @AfterEach
  void stopDaemon() {
    server.close();
  }

  @Test
  void statusPrintsTheConnectionAndATableOfMappings() {
    assertThat(run("status")).isZero();

    assertThat(out.toString())
        .startsWith("Connection SYSTEM_ERROR (org 00D000000000001AAA, 3 mappings, API 1000/15000")
        .containsPattern("(?m)^OBJECT +ACCESS +STATE +TARGET +PG ROWS")
        .containsPattern(
            "(?m)^Account +read_write +DATA_SYNCED +RUNNING +120 +121 +2 +1 +30s ago +done")
        .containsPattern("(?m)^Contact .* POLLING_SF_BULK .* 25%$")
        .contains("  Opportunity: UNABLE_TO_LOCK_ROW: try again")
        .doesNotContain("initial load");
  }

  @Test
  void pauseAndResumeOneMappingOrAll() {
    assertThat(run("pause", "account")).isZero();
    assertThat(out.toString())
        .contains("Asked Account to pause (state DATA_SYNCED, target PAUSED)");
    assertThat(target("Account")).isEqualTo("PAUSED");
    assertThat(target("Contact")).isEqualTo("RUNNING");

    assertThat(run("pause")).isZero();
    assertThat(target("Contact")).isEqualTo("PAUSED");
    assertThat(run("resume")).isZero();
    assertThat(out.toString())
        .contains("Asked every mapping to resume: Account, Contact, Opportunity.");
    assertThat(target("Account")).isEqualTo("RUNNING");
  }

  @Test
  void reloadNamesTheMappingsWhenTheObjectIsUnknown() {
    assertThat(run("reload", "Contact")).isZero();
    assertThat(backend.mapping("Contact").orElseThrow().snapshot().status().name())
        .isEqualTo("RELOAD_TABLE");

    assertThat(run("reload", "Nope")).isEqualTo(1);
    assertThat(err.toString())
        .contains("no mapping for object 'Nope'; mapped: Account, Contact, Opportunity");
  }

  @Test
  void importAndExportGoThroughTheDaemon() throws Exception {
    Path in = dir.resolve("lead.json");
    Files.writeString(
        in,
        "{\"mappings\": [{\"object_name\": \"Lead\", \"config\": {\"access\": \"read_only\","
            + " \"fields\": {\"LastName\": {}}}}]}");
    Path exported = dir.resolve("out.json");

    assertThat(run("mappings", "import", in.toString())).isZero();
    assertThat(out.toString()).contains("Created 1 mappings").contains("(Lead)");
    assertThat(run("mappings", "export", exported.toString())).isZero();

    assertThat(MappingJson.read(Files.readString(exported), "export").mapping("Lead")).isPresent();
    assertThat(run("mappings", "import", in.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("already mapped: Lead");
  }

  @Test
  void withoutADaemonTheCommandsSaySo() {
    assertThat(runAt(NOBODY, "status")).isEqualTo(1);
    assertThat(err.toString()).contains("no pgforce daemon answers at " + NOBODY);
    assertThat(runAt(NOBODY, "mappings", "export", dir.resolve("x.json").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("give --config to use the database directly");
  }

  @Test
  void exportFallsBackToTheDatabaseWhenNoDaemonAnswers(TestDatabase db) throws Exception {
    Path config = dir.resolve("pgforce.yml");
    Files.writeString(
        config,
        """
        salesforce: {username: u, password: p, client-id: c, client-secret: s}
        database: {url: "%s"}
        mappings:
          - object_name: Account
            config: {access: read_write, fields: {Name: {}}}
        """
            .formatted(db.libpqUrl()));
    Path exported = dir.resolve("direct.json");

    assertThat(
            runAt(NOBODY, "mappings", "export", exported.toString(), "--config", config.toString()))
        .isZero();
    assertThat(MappingJson.read(Files.readString(exported), "export").mapping("Account"))
        .isPresent();
  }

  private int run(String... args) {
    return runAt(server.url(), args);
  }

  private int runAt(String url, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--admin-url";
    all[args.length + 1] = url;
    return Main.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(all);
  }

  private String target(String object) {
    return backend.mapping(object).orElseThrow().snapshot().target().name();
  }
}
