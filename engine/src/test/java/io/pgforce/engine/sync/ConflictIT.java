package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Both sides edit one record while the local edit waits to be pushed: the later write wins, the
 * other is recorded in pgforce.conflict, and both sides end equal.
 */
@WithPostgres
class ConflictIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void aLaterSalesforceEditWinsOverAWaitingLocalOne(TestDatabase db) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = started(db, clock)) {
      String sfid = editBothSides(h, clock, now.plusSeconds(60));

      await().atMost(DEADLINE).until(() -> name(h, sfid).equals("remote"));
      assertThat(h.query("SELECT winner FROM pgforce.conflict")).containsExactly("SALESFORCE");
      // the waiting local edit is skipped; if the poll met it on the wire (in the client's
      // retries), Salesforce's value is pushed after it instead (RowApplierIT has both cases)
      h.emulator.faults().clear();
      h.awaitNothingWaiting();
      awaitBothSides(h, sfid, "remote");
      assertThat(h.query("SELECT count(*) FROM salesforce._trigger_log WHERE state = 'FAILED'"))
          .containsExactly("0");
    }
  }

  @Test
  void aLaterLocalEditWinsOverAnEarlierSalesforceOne(TestDatabase db) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = started(db, clock)) {
      String sfid = editBothSides(h, clock, now.minusSeconds(30));

      await()
          .atMost(DEADLINE)
          .until(() -> h.query("SELECT winner FROM pgforce.conflict").equals(List.of("LOCAL")));
      assertThat(name(h, sfid)).isEqualTo("local");
      h.emulator.faults().clear();

      h.awaitSalesforce("Account", sfid, "Name", "local");
      assertThat(
              h.query(
                  "SELECT local_values || ' / ' || (remote_values ->> 'name') FROM pgforce.conflict"))
          .singleElement()
          .asString()
          .contains("\"name\"=>\"local\"", "/ remote");
    }
  }

  @Test
  void aPolledValuePgforcePushedEarlierDoesNotOverrideAWaitingEdit(TestDatabase db)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = started(db, clock)) {
      String sfid = h.salesforce.create("Account", Map.of("Name", "original"));
      clock.set(now.minusSeconds(100));
      h.awaitCount("SELECT count(*) FROM salesforce.account WHERE sfid = '" + sfid + "'", 1);
      h.stopEngine();
      // an edit whose push reached Salesforce but whose result died with the process...
      db.execute("UPDATE salesforce.account SET name = 'older'");
      db.execute("UPDATE salesforce._trigger_log SET state = 'SUCCESS' WHERE action = 'UPDATE'");
      clock.set(now.plusSeconds(60));
      h.salesforce.update("Account", sfid, Map.of("Name", "older"));
      // ...and a newer edit, made before that push landed
      db.execute("UPDATE salesforce.account SET name = 'newer'");
      h.emulator.addFault(FaultRule.failing("/composite/sobjects", 503)); // the newer edit waits
      clock.set(now.plusSeconds(70));
      h.start(
          SyncHarness.settingsWithOverlap(Duration.ofMinutes(10)),
          SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      h.quietPoll(clock, "Account"); // a poll read 'older', newer than the local edit

      assertThat(name(h, sfid)).isEqualTo("newer");
      assertThat(h.count("SELECT count(*) FROM pgforce.conflict")).isZero();
      h.emulator.faults().clear();
      h.awaitSalesforce("Account", sfid, "Name", "newer");
    }
  }

  @Test
  void aLaterSalesforceEditArrivingByChangeEventWinsAndIsRecorded(TestDatabase db)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = streamedAccounts(db, clock)) {
      OrgUser user = new OrgUser(h.emulator); // a change the engine must take as news
      String sfid = syncedWithPushesHeld(h, user);
      db.execute("UPDATE salesforce.account SET name = 'local' WHERE sfid = '" + sfid + "'");
      clock.set(now.plusSeconds(60));
      user.update("Account", sfid, Map.of("Name", "remote"));

      h.awaitRows(
          "SELECT winner || ' ' || (remote_values ->> 'name') FROM pgforce.conflict",
          "SALESFORCE remote");
      h.awaitRows("SELECT name FROM salesforce.account", "remote"); // the event alone applies it
      h.emulator.faults().clear();
      awaitBothSides(h, sfid, "remote");
    }
  }

  @Test
  void aPushOnTheWireWhenSalesforceWinsIsFollowedBySalesforcesValue(TestDatabase db)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = streamedAccounts(db, clock)) {
      OrgUser user = new OrgUser(h.emulator);
      String sfid = user.create("Account", Map.of("Name", "original"));
      h.awaitCount("SELECT count(*) FROM salesforce.account WHERE sfid = '" + sfid + "'", 1);
      h.emulator.addFault(FaultRule.slow("/composite/sobjects", 3_000)); // the push lands late
      db.execute("UPDATE salesforce.account SET name = 'local' WHERE sfid = '" + sfid + "'");
      h.awaitRows("SELECT state FROM salesforce._trigger_log", "PENDING"); // on the wire
      clock.set(now.plusSeconds(60));
      user.update("Account", sfid, Map.of("Name", "remote"));

      h.awaitRows("SELECT winner FROM pgforce.conflict", "SALESFORCE");
      h.emulator.faults().clear(); // the push on the wire still lands 'local', after 'remote'
      h.awaitNothingWaiting();
      awaitBothSides(h, sfid, "remote");
      assertThat(
              h.query("SELECT state || ' ' || \"values\" FROM salesforce._trigger_log ORDER BY id"))
          .containsExactly("SUCCESS \"name\"=>\"local\"", "SUCCESS \"name\"=>\"remote\"");
    }
  }

  @Test
  void aSalesforceEditOfOtherFieldsIsNoConflictAndBothEditsSurvive(TestDatabase db)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = streamedAccounts(db, clock)) {
      OrgUser user = new OrgUser(h.emulator);
      String sfid = syncedWithPushesHeld(h, user);
      db.execute("UPDATE salesforce.account SET name = 'local' WHERE sfid = '" + sfid + "'");
      clock.set(now.plusSeconds(60));
      user.update("Account", sfid, Map.of("AnnualRevenue", 5));

      h.awaitRows(
          "SELECT name || ' ' || annualrevenue || ' ' || _hc_lastop FROM salesforce.account",
          "local 5 PENDING");
      assertThat(h.count("SELECT count(*) FROM pgforce.conflict")).isZero();
      h.emulator.faults().clear();
      h.awaitSalesforce("Account", sfid, "Name", "local");
      assertThat(
              h.salesforce
                  .retrieve("Account", sfid, "AnnualRevenue")
                  .orElseThrow()
                  .text("AnnualRevenue"))
          .contains("5");
    }
  }

  @Test
  void aLaterSalesforceEditWinsOnlyTheFieldsItChanged(TestDatabase db) throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = streamedAccounts(db, clock)) {
      OrgUser user = new OrgUser(h.emulator);
      String sfid = syncedWithPushesHeld(h, user);
      db.execute(
          "UPDATE salesforce.account SET name = 'local', annualrevenue = 7 WHERE sfid = '"
              + sfid
              + "'");
      clock.set(now.plusSeconds(60));
      user.update("Account", sfid, Map.of("Name", "remote"));

      h.awaitRows("SELECT winner FROM pgforce.conflict", "SALESFORCE");
      h.awaitRows("SELECT name || ' ' || annualrevenue FROM salesforce.account", "remote 7");
      h.emulator.faults().clear();
      // the local field Salesforce did not change still goes out
      h.awaitSalesforce("Account", sfid, "AnnualRevenue", "7");
      awaitBothSides(h, sfid, "remote");
    }
  }

  @Test
  void pgforcesOwnWriteComingBackDoesNotOverrideAWaitingLocalEdit(TestDatabase db)
      throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    MutableClock clock = new MutableClock(now.minusSeconds(130));
    try (SyncHarness h = streamedAccounts(db, clock)) {
      String sfid = syncedWithPushesHeld(h, new OrgUser(h.emulator));
      db.execute("UPDATE salesforce.account SET name = 'newer' WHERE sfid = '" + sfid + "'");
      clock.set(now.plusSeconds(60));
      // an earlier push of this record reaching Salesforce late (a writer killed and restarted)
      long applied = h.replayId();
      h.salesforce.update("Account", sfid, Map.of("Name", "older"));
      await().atMost(DEADLINE).until(() -> h.replayId() > applied); // its echo is applied
      assertThat(h.query("SELECT name || ' ' || _hc_lastop FROM salesforce.account"))
          .containsExactly("newer PENDING");

      h.emulator.faults().clear();
      h.awaitSalesforce("Account", sfid, "Name", "newer");
      h.awaitRows("SELECT name FROM salesforce.account", "newer");
      assertThat(h.query("SELECT state FROM salesforce._trigger_log WHERE action = 'UPDATE'"))
          .containsExactly("SUCCESS");
      assertThat(h.count("SELECT count(*) FROM pgforce.conflict")).isZero();
    }
  }

  /**
   * Waits until the row and the record both hold {@code name}. A push already on the wire when
   * Salesforce's later edit arrived lands the local value after it; Salesforce's value follows it
   * (see docs/architecture.md, Conflicts).
   */
  private static void awaitBothSides(SyncHarness h, String sfid, String name) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                h.salesforce
                        .retrieve("Account", sfid, "Name")
                        .orElseThrow()
                        .text("Name")
                        .equals(Optional.of(name))
                    && name.equals(name(h, sfid)));
  }

  /** A record created in Salesforce and synced; from here the engine's pushes fail. */
  private static String syncedWithPushesHeld(SyncHarness h, OrgUser user) throws Exception {
    String sfid = user.create("Account", Map.of("Name", "original"));
    h.awaitCount("SELECT count(*) FROM salesforce.account WHERE sfid = '" + sfid + "'", 1);
    h.emulator.addFault(FaultRule.failing("/composite/sobjects", 503)); // local edits wait
    return sfid;
  }

  private static SyncHarness streamedAccounts(TestDatabase db, MutableClock clock)
      throws Exception {
    SyncHarness h = SyncHarness.create(db, clock);
    h.start(
        SyncHarness.settingsWithOverlap(Duration.ofMinutes(10)),
        SyncHarness.streamed("Account", Access.READ_WRITE, "Name", "AnnualRevenue"));
    h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
    h.quietStream(clock, "Account"); // from here only the stream brings Salesforce's changes
    return h;
  }

  /**
   * A record created in Salesforce two minutes ago and synced, then edited locally now (its push
   * held back by a failing org) and in Salesforce at {@code remoteAt}.
   */
  private static String editBothSides(SyncHarness h, MutableClock clock, Instant remoteAt)
      throws Exception {
    Instant now = Instant.now();
    clock.set(now.minusSeconds(120));
    String sfid = h.salesforce.create("Account", Map.of("Name", "original"));
    clock.set(now.minusSeconds(100)); // the next poll reads it
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                h.count("SELECT count(*) FROM salesforce.account WHERE sfid = '" + sfid + "'")
                    == 1);
    h.emulator.addFault(FaultRule.failing("/composite/sobjects", 503)); // the local edit waits
    h.testDb.execute("UPDATE salesforce.account SET name = 'local' WHERE sfid = '" + sfid + "'");
    clock.set(remoteAt);
    h.salesforce.update("Account", sfid, Map.of("Name", "remote"));
    clock.set(now.plusSeconds(70)); // past both edits, so polls read them
    return sfid;
  }

  private static SyncHarness started(TestDatabase db, MutableClock clock) throws Exception {
    SyncHarness h = SyncHarness.create(db, clock);
    h.start(
        SyncHarness.settingsWithOverlap(Duration.ofMinutes(10)),
        SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"));
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                h.engine().mapping("Account").orElseThrow().status() == MappingStatus.DATA_SYNCED);
    return h;
  }

  private static String name(SyncHarness h, String sfid) throws Exception {
    return h.query("SELECT name FROM salesforce.account WHERE sfid = '" + sfid + "'").get(0);
  }
}
