package io.pgforce.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.app.admin.Http;
import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.engine.config.ConfigLoader;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A revoked user seen from the admin API (issue 10's bad-input catalogue, docs/bad-inputs.md): the
 * connection turns NEED_AUTHENTICATION with a detail saying what to check, local changes wait, and
 * once the user is restored the state clears and the changes arrive.
 */
@WithPostgres
class RevokedUserDaemonIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void theConnectionNeedsAuthenticationWhileTheUserIsRevoked(TestDatabase db) throws Exception {
    try (Emulator org = Emulator.start(EmulatorConfig.builder().port(0).build());
        Daemon daemon =
            Daemon.start(ConfigLoader.fromYaml(yaml(org, db), Map.of()), Clock.systemUTC())) {
      Http api = new Http(daemon.admin().url(), Optional.empty());
      await().atMost(DEADLINE).until(() -> connection(api).path("state").asText().equals("IDLE"));

      org.revokeUser();
      db.execute("INSERT INTO salesforce.account (name) VALUES ('Waiting')");
      JsonNode refused =
          await()
              .atMost(DEADLINE)
              .until(
                  () -> connection(api),
                  c -> c.path("state").asText().equals("NEED_AUTHENTICATION"));
      assertThat(refused.path("detail").asText())
          .startsWith("Salesforce refused the login")
          .contains("authentication failure", "salesforce.password");
      assertThat(count(db, "SELECT count(*) FROM salesforce._trigger_log WHERE state = 'FAILED'"))
          .isZero();

      org.restoreUser();
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  count(db, "SELECT count(*) FROM salesforce.account WHERE sfid IS NOT NULL") == 1);
      await()
          .atMost(DEADLINE)
          .until(() -> !connection(api).path("state").asText().equals("NEED_AUTHENTICATION"));
      assertThat(connection(api).path("detail").isNull()).isTrue();
    }
  }

  private static JsonNode connection(Http api) {
    return api.get("/api/v1/connection").json();
  }

  private static String yaml(Emulator org, TestDatabase db) throws IOException {
    return """
        %s
        sync: {settle-seconds: 1, poll-overlap-seconds: 5}
        admin: {port: %d}
        mappings:
          - object_name: Account
            config: {access: read_write, sf_polling_seconds: 1, fields: {Name: {}}}
        """
        .formatted(DaemonConfigs.connection(org, db.libpqUrl()), DaemonConfigs.freePort());
  }

  private static long count(TestDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
