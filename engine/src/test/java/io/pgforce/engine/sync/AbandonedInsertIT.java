package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A writer killed between Salesforce's answer to an insert and the recording of its sfid leaves the
 * entry PENDING. Without an external id to upsert on, the restarted writer must find the record the
 * insert made rather than create it a second time.
 */
@WithPostgres
class AbandonedInsertIT {

  @Test
  void anInsertMadeBeforeTheKillIsFoundNotMadeAgain(TestDatabase db) throws Exception {
    try (SyncHarness h = stoppedAfterFirstStart(db)) {
      db.execute(
          "INSERT INTO salesforce.account (name, industry) VALUES ('Made before the kill', 'Energy')");
      String rowId = h.query("SELECT id FROM salesforce.account").get(0);
      claimedByAKilledWriter(db);
      // the insert reached Salesforce; its answer died with the process
      String made =
          h.salesforce.create(
              "Account", Map.of("Name", "Made before the kill", "Industry", "Energy"));
      // and the application edited the row again before the restart
      db.execute("UPDATE salesforce.account SET industry = 'Retail'");
      // and the org answers no query for a while: the check waits for it rather than push blind
      h.emulator.addFault(FaultRule.failing("/query", 503).times(12));

      start(h);

      h.awaitRows("SELECT id || ' ' || sfid FROM salesforce.account", rowId + " " + made);
      h.awaitSalesforce("Account", made, "Industry", "Retail");
      assertThat(h.salesforce.count("SELECT count() FROM Account")).isEqualTo(1);
      h.awaitRows("SELECT DISTINCT state FROM salesforce._trigger_log", "SUCCESS");
    }
  }

  @Test
  void anInsertWhoseInboundCopyTheApplicationEditedIsFoundNotMadeAgain(TestDatabase db)
      throws Exception {
    try (SyncHarness h = stoppedAfterFirstStart(db)) {
      db.execute("INSERT INTO salesforce.account (name, industry) VALUES ('Copied', 'Energy')");
      String rowId = h.query("SELECT id FROM salesforce.account").get(0);
      claimedByAKilledWriter(db);
      String made = h.salesforce.create("Account", Map.of("Name", "Copied", "Industry", "Energy"));
      // a poll read the new record before its sfid was recorded, and made a row of it
      db.execute(
          "SET pgforce.sync = 'on'; INSERT INTO salesforce.account (sfid, name, industry)"
              + " VALUES ('"
              + made
              + "', 'Copied', 'Energy')");
      // the application, which finds rows by its own key, edited both
      db.execute("UPDATE salesforce.account SET industry = 'Retail' WHERE name = 'Copied'");

      start(h);

      h.awaitRows("SELECT id || ' ' || sfid FROM salesforce.account", rowId + " " + made);
      h.awaitSalesforce("Account", made, "Industry", "Retail");
      h.awaitNothingWaiting();
      assertThat(h.salesforce.count("SELECT count() FROM Account")).isEqualTo(1);
    }
  }

  @Test
  void anInsertSalesforceNeverGotIsPushedAfterTheRestart(TestDatabase db) throws Exception {
    try (SyncHarness h = stoppedAfterFirstStart(db)) {
      db.execute("INSERT INTO salesforce.account (name, industry) VALUES ('Never sent', 'Energy')");
      claimedByAKilledWriter(db);
      // a record this user made with other values is not the insert's
      String other =
          h.salesforce.create("Account", Map.of("Name", "Never sent", "Industry", "Mining"));

      start(h);

      h.awaitCount(
          "SELECT count(*) FROM salesforce.account WHERE name = 'Never sent' AND sfid IS NOT NULL"
              + " AND sfid <> '"
              + other
              + "' AND industry = 'Energy'",
          1);
      assertThat(h.salesforce.count("SELECT count() FROM Account")).isEqualTo(2);
    }
  }

  @Test
  void anInsertMadeBeforeTheKillWhoseRowWasDeletedSinceIsDeletedInSalesforce(TestDatabase db)
      throws Exception {
    try (SyncHarness h = stoppedAfterFirstStart(db)) {
      db.execute(
          "INSERT INTO salesforce.account (name, industry) VALUES ('Deleted meanwhile', 'Energy')");
      claimedByAKilledWriter(db);
      String made =
          h.salesforce.create("Account", Map.of("Name", "Deleted meanwhile", "Industry", "Energy"));
      db.execute("DELETE FROM salesforce.account"); // before the restart

      start(h);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> h.salesforce.count("SELECT count() FROM Account") == 0);
      h.awaitRows(
          "SELECT action || ' ' || state || ' ' || sfid FROM salesforce._trigger_log WHERE action = 'DELETE'",
          "DELETE SUCCESS " + made);
      assertThat(h.count("SELECT count(*) FROM salesforce.account")).isZero();
    }
  }

  private static SyncHarness stoppedAfterFirstStart(TestDatabase db) throws Exception {
    SyncHarness h = SyncHarness.create(db, Clock.systemUTC());
    start(h);
    h.stopEngine();
    return h;
  }

  private static void start(SyncHarness h) throws Exception {
    h.start(
        SyncHarness.settings(10_000),
        SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name", "Industry"));
    h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
  }

  /** What a writer killed with SIGKILL between the claim and the result leaves behind. */
  private static void claimedByAKilledWriter(TestDatabase db) throws Exception {
    db.execute("UPDATE salesforce._trigger_log SET state = 'PENDING', updated_at = now()");
  }
}
