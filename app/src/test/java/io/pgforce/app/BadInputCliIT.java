package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration at the command line (issue 10's bad-input catalogue, docs/bad-inputs.md):
 * malformed mapping files and mappings naming what the org lacks are reported all at once, naming
 * the file and what to change, with exit code 2, and nothing starts.
 */
@WithPostgres
class BadInputCliIT {

  private static final String NOBODY = "http://127.0.0.1:1";

  private static Emulator org;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void startOrg() {
    org = Emulator.start(EmulatorConfig.builder().port(0).build());
  }

  @AfterAll
  static void stopOrg() {
    org.close();
  }

  @Test
  void invalidJsonIsReportedWithTheFileLineAndColumn() throws Exception {
    Path file = write("broken.json", "{\"mappings\": [\n  {\"object_name\": \"Account\",}\n]}");

    assertThat(run("mappings", "import", file.toString(), "--admin-url", NOBODY)).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Mapping file " + file + " has 1 problem:")
        .contains("line 2, column 29: not valid JSON");
  }

  @Test
  void everyProblemOfAWronglyShapedFileIsReportedAtOnce() throws Exception {
    Path file =
        write(
            "shape.json",
            """
            {"mappings": [
              {"object_name": "Account",
               "config": {"access": "readwrite", "sf_polling_seconds": -5, "fields": ["Name"]}},
              {"config": {"fields": {"Name": {}}}}
            ]}
            """);

    assertThat(run("mappings", "import", file.toString(), "--admin-url", NOBODY)).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Mapping file " + file + " has 4 problems:")
        .contains(
            "mappings[0].config.access: access 'readwrite' is not a sync mode; use one of: read_only, read_write",
            "mappings[0].config.sf_polling_seconds: must be a positive whole number, got -5",
            "mappings[0].config.fields: must be an object of field names",
            "mappings[1].object_name: missing; give the Salesforce object's API name")
        .doesNotContain("no pgforce daemon answers");
    assertThat(run("mappings", "import", dir.resolve("nope.json").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nope.json: no such file");
  }

  @Test
  void aBrokenMappingsFileInTheConfigurationStopsTheStart(TestDatabase db) throws Exception {
    write("export.json", "{\"mapping\": []}");
    Path config = config(db, "mappings-file: export.json\n");

    assertThat(run("run", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("mappings-file " + dir.resolve("export.json") + ": mappings: missing");
    assertThat(schemaExists(db)).as("nothing started").isFalse();
  }

  @Test
  void unknownObjectsAndFieldsAreAllListedWithTheClosestNames(TestDatabase db) throws Exception {
    Path config =
        config(
            db,
            """
            mappings:
              - object_name: Acount
                config: {access: read_only, fields: {Name: {}}}
              - object_name: Contact
                config: {access: read_write, fields: {LastName: {}, Emial: {}, Revenue_Band__c: {}}}
            """);

    assertThat(run("run", "--config", config.toString())).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("pgforce cannot start: the configuration has 3 problems:")
        .contains(
            "mapping Acount: sObject type 'Acount' is not available in the org (NOT_FOUND);"
                + " did you mean 'Account'?",
            "mapping Contact: No such column 'Emial' on entity 'Contact'; did you mean 'Email'?",
            "mapping Contact: No such column 'Revenue_Band__c' on entity 'Contact'; check");
    assertThat(schemaExists(db)).as("nothing started").isFalse();
  }

  @Test
  void importingAFileWithUnknownFieldsNamesTheFile(TestDatabase db) throws Exception {
    Path config = config(db, "");
    Path file =
        write(
            "fields.json",
            "{\"mappings\": [{\"object_name\": \"Account\", \"config\": {\"fields\": {\"Nmae\": {}}}}]}");

    assertThat(
            run(
                "mappings",
                "import",
                file.toString(),
                "--config",
                config.toString(),
                "--admin-url",
                NOBODY))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("Mapping file " + file + " has 1 problem:")
        .contains("No such column 'Nmae' on entity 'Account'; did you mean 'Name'?");
  }

  @Test
  void aRevokedUserStopsTheStartWithWhatToCheck(TestDatabase db) throws Exception {
    Path config = config(db, "");
    org.revokeUser();
    try {
      assertThat(run("run", "--config", config.toString())).isEqualTo(2);
    } finally {
      org.restoreUser();
    }
    assertThat(err.toString())
        .contains("salesforce: cannot log in at " + org.baseUrl())
        .contains("authentication failure")
        .contains("check that the integration user is active and not frozen");
    assertThat(schemaExists(db)).isFalse();
  }

  private Path config(TestDatabase db, String mappings) throws IOException {
    String yaml =
        """
        %s
        admin: {port: %d}
        %s"""
            .formatted(
                DaemonConfigs.connection(org, db.libpqUrl()), DaemonConfigs.freePort(), mappings);
    return write("pgforce.yml", yaml);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private int run(String... args) {
    return Main.commandLine()
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  private static boolean schemaExists(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_namespace WHERE nspname IN ('salesforce', 'pgforce')")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }
}
