package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revoked user (issue 10's bad-input catalogue, docs/bad-inputs.md): an org admin freezes the
 * integration user while pgforce runs. pgforce says the login is refused and what to check, keeps
 * every local change queued, does not hammer the login endpoint, and resumes by itself once the
 * user is restored.
 */
@WithPostgres
class RevokedUserIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String TOKEN_CALLS = "POST /services/oauth2/token";

  @Test
  void aRevokedUserHoldsChangesQueuedAndSyncResumesOnceRestored(TestDatabase db) throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"));
      awaitStatus(h, MappingStatus.DATA_SYNCED);

      h.emulator.revokeUser();
      db.execute("INSERT INTO salesforce.account (name) VALUES ('Queued 1'), ('Queued 2')");

      await().atMost(DEADLINE).until(() -> h.salesforce.loginRefusal().isPresent());
      String detail =
          await()
              .atMost(DEADLINE)
              .until(() -> detail(h), d -> d.startsWith("Salesforce refused the login"));
      assertThat(detail)
          .contains("authentication failure")
          .contains("integration user is active and not frozen")
          .contains("Queued changes wait");
      await().atMost(DEADLINE).until(() -> writeAttempts(h) > 0);

      long loginsBefore = tokenCalls(h);
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  h.query("SELECT DISTINCT state FROM salesforce._trigger_log").stream()
                      .allMatch(s -> s.equals("NEW") || s.equals("PENDING")));
      assertThat(tokenCalls(h) - loginsBefore)
          .as("logins are retried with backoff, not in a tight loop")
          .isLessThan(20);
      assertThat(h.count("SELECT count(*) FROM salesforce.account WHERE _hc_lastop = 'FAILED'"))
          .isZero();

      h.emulator.restoreUser();
      await()
          .atMost(DEADLINE)
          .until(
              () -> h.count("SELECT count(*) FROM salesforce.account WHERE sfid IS NOT NULL") == 2);
      assertThat(h.salesforce.count("SELECT COUNT() FROM Account WHERE Name LIKE 'Queued %'"))
          .isEqualTo(2);
      awaitStatus(h, MappingStatus.DATA_SYNCED);
      assertThat(h.salesforce.loginRefusal()).isEmpty();
      assertThat(h.query("SELECT DISTINCT state FROM salesforce._trigger_log"))
          .containsExactly("SUCCESS");
    }
  }

  private static void awaitStatus(SyncHarness h, MappingStatus status) {
    await()
        .atMost(DEADLINE)
        .until(() -> h.engine().mapping("Account").orElseThrow().status() == status);
  }

  private static String detail(SyncHarness h) {
    return h.engine().mapping("Account").orElseThrow().detail().orElse("");
  }

  private static long tokenCalls(SyncHarness h) {
    return h.emulator.stats().snapshot().getOrDefault(TOKEN_CALLS, 0L);
  }

  private static long writeAttempts(SyncHarness h) {
    return h.emulator.stats().snapshot().entrySet().stream()
        .filter(e -> e.getKey().contains("composite/sobjects") && !e.getKey().startsWith("GET"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
