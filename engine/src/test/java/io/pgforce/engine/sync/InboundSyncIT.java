package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Salesforce to Postgres, end to end: emulator over HTTP, the real client, a real PostgreSQL. */
@WithPostgres
class InboundSyncIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void loadsThroughRestThenFollowsCreatesUpdatesDeletesAndUndeletesByPolling(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.emulator.seed(50, 0, 0);
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name", "Industry"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      assertThat(h.count("SELECT count(*) FROM salesforce.account")).isEqualTo(50);

      String id = h.salesforce.create("Account", Map.of("Name", "Polled Co"));
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.query("SELECT name FROM salesforce.account WHERE sfid = '" + id + "'")
                      .equals(List.of("Polled Co")));

      h.salesforce.update("Account", id, Map.of("Name", "Polled Co 2"));
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.query("SELECT name FROM salesforce.account WHERE sfid = '" + id + "'")
                      .equals(List.of("Polled Co 2")));

      h.salesforce.delete("Account", id);
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.count("SELECT count(*) FROM salesforce.account WHERE sfid = '" + id + "'")
                      == 0);

      h.emulator.dml().undelete(List.of(id), DmlOptions.asUser(h.emulator.userId()));
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.count("SELECT count(*) FROM salesforce.account WHERE sfid = '" + id + "'")
                      == 1);
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log"))
          .as("the sync's writes are never logged")
          .isZero();
    }
  }

  @Test
  void anInterruptedLoadStartsAgainFromEmptyWithoutDuplicates(TestDatabase db) throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.emulator.seed(3000, 0, 0); // more than one REST page of 2000
      var failNextPage = h.emulator.addFault(FaultRule.failing("/query/", 500).times(3));
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);

      assertThat(h.count("SELECT count(*) FROM salesforce.account")).isEqualTo(3000);
      assertThat(h.count("SELECT count(DISTINCT sfid) FROM salesforce.account")).isEqualTo(3000);
      assertThat(failNextPage.remaining().get())
          .as("the load really was interrupted, three times")
          .isZero();
    }
  }

  @Test
  void aMappingWithAnUnknownFieldIsRejectedWithAClearMessage(TestDatabase db) throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name", "Nmae"));
      h.awaitStatus("Account", MappingStatus.BAD_CONFIG);

      assertThat(h.engine().mapping("Account").orElseThrow().detail().orElseThrow())
          .contains("No such column 'Nmae' on entity 'Account'");
    }
  }

  @Test
  void recordsSharingOneSystemModstampAcrossAWindowEdgeAreNeitherLostNorDuplicated(TestDatabase db)
      throws Exception {
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(t);
    try (SyncHarness h = SyncHarness.create(db, clock)) {
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);

      createAccounts(h, "early", 2500); // all stamped t
      clock.set(t.plusSeconds(1)); // the next poll's window ends exactly at t
      await()
          .atMost(DEADLINE)
          .until(() -> h.count("SELECT count(*) FROM salesforce.account") == 2500);

      clock.set(t); // a transaction that commits late, with the same SystemModstamp t
      createAccounts(h, "late", 2500);
      clock.set(t.plusSeconds(2));
      await()
          .atMost(DEADLINE)
          .until(() -> h.count("SELECT count(*) FROM salesforce.account") == 5000);

      assertThat(h.count("SELECT count(DISTINCT sfid) FROM salesforce.account")).isEqualTo(5000);
      assertThat(h.count("SELECT count(DISTINCT systemmodstamp) FROM salesforce.account"))
          .isEqualTo(1);
    }
  }

  private static void createAccounts(SyncHarness h, String prefix, int n) {
    List<Map<String, Object>> records = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(Map.of("Name", prefix + " " + i));
    }
    assertThat(h.salesforce.collections().create("Account", records, true))
        .allMatch(r -> r.success());
  }
}
