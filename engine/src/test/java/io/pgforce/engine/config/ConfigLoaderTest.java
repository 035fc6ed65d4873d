package io.pgforce.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.engine.ConfigurationException;
import io.pgforce.engine.mapping.Access;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String VALID =
      """
      salesforce:
        username: integration@acme.com
        password: hunter2TOKEN
        client-id: 3MVG9
        client-secret: s3cret
      database:
        url: postgres://app:pw@db.internal:5432/app?sslmode=require
      mappings:
        - object_name: Account
          config:
            access: read_write
            fields: {Name: {}}
      """;

  @Test
  void readsTheFileAndFillsDefaults() {
    PgforceConfig config = ConfigLoader.fromYaml(VALID, Map.of());

    assertThat(config.require(ConfigKeys.AUTH)).isEqualTo(AuthFlow.PASSWORD);
    assertThat(config.require(ConfigKeys.LOGIN_URL)).isEqualTo("https://login.salesforce.com");
    assertThat(config.require(ConfigKeys.SCHEMA)).isEqualTo("salesforce");
    assertThat(config.require(ConfigKeys.BULK_THRESHOLD)).isEqualTo(10000);
    assertThat(config.database().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.internal:5432/app?sslmode=require");
    assertThat(config.database().user()).contains("app");
    assertThat(config.mappings().mapping("Account").orElseThrow().access())
        .isEqualTo(Access.READ_WRITE);
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    PgforceConfig config =
        ConfigLoader.fromYaml(
            VALID,
            Map.of("PGFORCE_SALESFORCE_PASSWORD", "fromEnv", "PGFORCE_DATABASE_SCHEMA", "sync"));

    assertThat(config.require(ConfigKeys.PASSWORD)).isEqualTo("fromEnv");
    assertThat(config.require(ConfigKeys.SCHEMA)).isEqualTo("sync");
  }

  @Test
  void fallsBackToHerokusDatabaseUrl() {
    String yaml =
        VALID.replace(
            "  url: postgres://app:pw@db.internal:5432/app?sslmode=require\n",
            "  schema: salesforce\n");
    PgforceConfig config =
        ConfigLoader.fromYaml(yaml, Map.of("DATABASE_URL", "postgres://u:p@h/d"));

    assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://h/d");
  }

  @Test
  void neverShowsSecrets() {
    String shown = ConfigLoader.fromYaml(VALID, Map.of()).toString();

    assertThat(shown)
        .contains("salesforce.username=integration@acme.com", "salesforce.password=***")
        .doesNotContain("hunter2", "s3cret", ":pw@");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    String bad =
        """
        salesforce:
          auth: jwt
          login-url: login.salesforce.com
          pasword: typo
        database:
          pool-size: 1
        sync:
          truncate-guard: maybe
        admin:
          host: 0.0.0.0
        mappings:
          - object_name: Account
            config: {access: write, fields: {}}
        """;

    assertThatThrownBy(() -> ConfigLoader.fromYaml(bad, Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactlyInAnyOrder(
                        "salesforce.pasword: not a pgforce setting; the settings are listed in docs/operations.md",
                        "salesforce.login-url: must be an http(s) URL such as https://login.salesforce.com, got 'login.salesforce.com'",
                        "database.pool-size: must be between 2 and 200, got 1",
                        "sync.truncate-guard: must be true or false, got 'maybe'",
                        "salesforce.username: not set; the jwt login flow needs it (or set PGFORCE_SALESFORCE_USERNAME)",
                        "salesforce.client-id: not set; the jwt login flow needs it (or set PGFORCE_SALESFORCE_CLIENT_ID)",
                        "salesforce.private-key-file: not set; the jwt login flow needs it (or set PGFORCE_SALESFORCE_PRIVATE_KEY_FILE)",
                        "database.url: not set; pgforce needs the PostgreSQL to sync into (or set PGFORCE_DATABASE_URL)",
                        "admin.token: required when admin.host (0.0.0.0) is not localhost, so the admin API is not open to the network",
                        "mappings: mappings[0].config.access: access 'write' is not a sync mode; use one of: read_only, read_write"));
  }

  @Test
  void readsAMappingsFileRelativeToTheConfigFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("export.json"),
        "{\"version\":1,\"mappings\":[{\"object_name\":\"Contact\",\"config\":{\"fields\":{\"LastName\":{}}}}]}");
    String yaml = VALID.substring(0, VALID.indexOf("mappings:")) + "mappings-file: export.json\n";
    Path file = Files.writeString(dir.resolve("pgforce.yml"), yaml);

    PgforceConfig config = ConfigLoader.load(file, Map.of());

    assertThat(config.mappings().mapping("Contact")).isPresent();
  }

  @Test
  void aBrokenMappingsFileIsNamedWithWhereItBreaks(@TempDir Path dir) throws Exception {
    Path export = Files.writeString(dir.resolve("export.json"), "{\"mappings\": [\n  {,}\n]}");
    String yaml = VALID.substring(0, VALID.indexOf("mappings:")) + "mappings-file: export.json\n";
    Path file = Files.writeString(dir.resolve("pgforce.yml"), yaml);

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .startsWith("mappings-file " + export + ": line 2, column ")
                    .contains("not valid JSON"));
  }

  @Test
  void aMissingMappingsFileSaysWhereItWasLookedFor(@TempDir Path dir) throws Exception {
    String yaml = VALID.substring(0, VALID.indexOf("mappings:")) + "mappings-file: nope.json\n";
    Path file = Files.writeString(dir.resolve("pgforce.yml"), yaml);

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .hasMessageContaining(
            "mappings-file: no file at "
                + dir.resolve("nope.json")
                + " (a relative path is read from the configuration file's folder)");
  }

  @Test
  void parsesDatabaseUrlsOfBothKinds() {
    assertThat(DatabaseUrl.parse("postgres://u:p%40ss@h:6543/d").password()).contains("p@ss");
    assertThat(DatabaseUrl.parse("jdbc:postgresql://h/d?user=x").jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/d?user=x");
    assertThat(DatabaseUrl.parse("postgres://u:secret@h/d").toString()).doesNotContain("secret");
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://h/d"))
        .hasMessageContaining("postgres://user:password@host");
  }
}
