package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.salesforce.rest.SObjectRecord;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Inbound sync when things go wrong: the engine killed in the middle of a poll or of a Bulk load,
 * then started again, and drift that no poll can see, found and repaired by a drift check.
 */
@WithPostgres
class InboundRecoveryIT {

  private static final Mapping ACCOUNTS =
      SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name");
  private static final String ROWS = "SELECT count(*) FROM salesforce.account";

  @Test
  void anEngineKilledMidPollResumesFromItsLastCommittedPageWithoutLossOrDuplicates(TestDatabase db)
      throws Exception {
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(t0);
    try (SyncHarness h = SyncHarness.create(db, clock)) {
      h.start(SyncHarness.settings(10_000), ACCOUNTS);
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      pause(h); // so that one poll, not several, finds all the records
      OrgUser user = new OrgUser(h.emulator);
      for (int second = 1; second <= 25; second++) { // 5,000 records, 200 to a SystemModstamp
        clock.set(t0.plusSeconds(second));
        user.createAll("Account", named("Record " + second + "/", 200));
      }
      clock.set(t0.plusSeconds(30));
      // queryAll reads its second and later pages at /query/{locator}; the first is not slowed
      var secondPage = h.emulator.addFault(FaultRule.slow("/query/", 20_000));
      h.engine().resume("Account");
      h.awaitCount(ROWS, 2000); // the first page of 2,000 is applied, the second is on its way

      h.killEngine();
      h.emulator.faults().remove(secondPage.id());
      List<String> inPollOrder = idsInPollOrder(h);
      assertThat(h.query("SELECT sfid FROM salesforce.account"))
          .containsExactlyInAnyOrderElementsOf(inPollOrder.subList(0, 2000));
      assertThat(h.query("SELECT last_id FROM pgforce.inbound_cursor"))
          .as("the cursor stands at the last applied record, not past it")
          .containsExactly(inPollOrder.get(1999));

      h.start(SyncHarness.settings(10_000), ACCOUNTS);
      h.awaitCount(ROWS, 5000);
      assertThat(h.query("SELECT sfid FROM salesforce.account"))
          .containsExactlyInAnyOrderElementsOf(inPollOrder);
    }
  }

  @Test
  void anEngineKilledMidBulkLoadLoadsAgainFromEmptyWithoutDuplicates(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.emulator.seed(3000, 0, 0); // three Bulk result pages of 1,000
      var slowBulk = h.emulator.addFault(FaultRule.slow("/jobs/query", 2000));
      h.start(SyncHarness.settings(1000), ACCOUNTS);
      await()
          .atMost(SyncHarness.DEADLINE)
          .until(() -> h.engine().mapping("Account").orElseThrow().loadRows(), n -> n >= 1000);

      h.killEngine();
      h.emulator.faults().remove(slowBulk.id());
      assertThat(h.count(ROWS)).as("the killed load's COPY rolled back").isZero();
      assertThat(h.query("SELECT state FROM pgforce.initial_load")).containsExactly("RUNNING");

      h.start(SyncHarness.settings(1000), ACCOUNTS);
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      assertThat(h.count(ROWS)).isEqualTo(3000);
      assertThat(h.count("SELECT count(DISTINCT sfid) FROM salesforce.account")).isEqualTo(3000);
      assertThat(h.query("SELECT method || ' ' || state FROM pgforce.initial_load"))
          .containsExactly("BULK DONE");
    }
  }

  @Test
  void anOnDemandDriftCheckReportsDriftNoPollCanSeeAndRepairsIt(TestDatabase db) throws Exception {
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(t0);
    try (SyncHarness h = SyncHarness.create(db, clock)) {
      h.emulator.seed(20, 0, 0);
      h.start(SyncHarness.settings(10_000), ACCOUNTS);
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      pollPast(h, clock, t0.plusSeconds(60)); // the seeded records' stamps leave the poll window
      List<String> ids = h.query("SELECT sfid FROM salesforce.account ORDER BY sfid");

      // rows lost in Postgres behind the sync's back, records purged from the recycle bin
      db.execute(
          "SET pgforce.sync = 'on'; DELETE FROM salesforce.account WHERE sfid IN ("
              + quoted(ids.subList(0, 2))
              + ")");
      new OrgUser(h.emulator).hardDelete(ids.subList(2, 5));
      pollPast(h, clock, t0.plusSeconds(61));
      assertThat(h.count(ROWS)).as("polling cannot see this drift").isEqualTo(18);

      // slowed, so the finding can be read in the status before the repair replaces it
      var slowQueries = h.emulator.addFault(FaultRule.slow("/query", 1500));
      h.engine().checkDrift("Account");
      awaitDriftReport(h, 17, 18);
      awaitDriftReport(h, 17, 17);
      h.emulator.faults().remove(slowQueries.id());
      assertThat(h.query("SELECT sfid FROM salesforce.account"))
          .containsExactlyInAnyOrderElementsOf(salesforceIds(h));
      assertThat(
              h.query("SELECT salesforce_count || '/' || postgres_count FROM pgforce.drift_check"))
          .containsExactly("17/17");
    }
  }

  private static void pause(SyncHarness h) {
    h.engine().pause("Account");
    await()
        .atMost(SyncHarness.DEADLINE)
        .until(() -> h.engine().mapping("Account").orElseThrow().target() == TargetState.PAUSED);
  }

  /**
   * Sets the clock and waits for a poll that read up to it (less the settle delay): only a poll
   * that started after the clock moved leaves the cursor there.
   */
  private static void pollPast(SyncHarness h, MutableClock clock, Instant now) {
    clock.set(now);
    long windowEnd = now.minus(SyncHarness.SETTLE).getEpochSecond();
    h.awaitCount(
        "SELECT extract(epoch FROM systemmodstamp)::bigint FROM pgforce.inbound_cursor", windowEnd);
  }

  private static void awaitDriftReport(SyncHarness h, long salesforce, long postgres) {
    await()
        .atMost(SyncHarness.DEADLINE)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> h.engine().mapping("Account").orElseThrow(),
            m ->
                m.salesforceCount().equals(Optional.of(salesforce))
                    && m.postgresCount().equals(Optional.of(postgres)));
  }

  /** The order a poll reads records in, and so the order of its pages. */
  private static List<String> idsInPollOrder(SyncHarness h) {
    return h.salesforce
        .queryAll("SELECT Id FROM Account ORDER BY SystemModstamp, Id")
        .map(r -> r.id().orElseThrow())
        .toList();
  }

  private static List<String> salesforceIds(SyncHarness h) {
    return h.salesforce
        .query("SELECT Id FROM Account")
        .map(SObjectRecord::id)
        .map(Optional::orElseThrow)
        .toList();
  }

  private static List<Map<String, Object>> named(String prefix, int count) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(Map.of("Name", prefix + i));
    }
    return records;
  }

  private static String quoted(List<String> ids) {
    return String.join(", ", ids.stream().map(id -> "'" + id + "'").toList());
  }
}
