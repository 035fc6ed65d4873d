package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Postgres to Salesforce through the trigger log, end to end against the emulator. */
@WithPostgres
class OutboundSyncIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void insertUpdateDeleteRoundTripWithoutEcho(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name", "Industry")) {
      h.emulator.stats().reset();
      db.execute("INSERT INTO salesforce.account (name, industry) VALUES ('Local Co', 'Energy')");
      String sfid =
          awaitValue(
              h,
              "SELECT sfid FROM salesforce.account WHERE name = 'Local Co' AND sfid IS NOT NULL");
      assertThat(
              h.salesforce
                  .retrieve("Account", sfid, "Name", "Industry")
                  .orElseThrow()
                  .text("Industry"))
          .contains("Energy");
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.query("SELECT _hc_lastop FROM salesforce.account WHERE sfid = '" + sfid + "'")
                      .equals(List.of("SYNCED")));

      assertThat(h.collectionsWriteCalls())
          .as("one Postgres write, one Salesforce write")
          .isEqualTo(1);
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log"))
          .as("nothing written back was logged")
          .isEqualTo(1);

      db.execute("UPDATE salesforce.account SET industry = 'Retail' WHERE sfid = '" + sfid + "'");
      h.awaitSalesforce("Account", sfid, "Industry", "Retail");

      db.execute("DELETE FROM salesforce.account WHERE sfid = '" + sfid + "'");
      await().atMost(DEADLINE).until(() -> h.salesforce.retrieve("Account", sfid, "Id").isEmpty());
      assertThat(h.query("SELECT DISTINCT state FROM salesforce._trigger_log"))
          .containsExactly("SUCCESS");
    }
  }

  @Test
  void aRejectedWriteIsRecordedThenRetriedAfterTheFix(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name", "AccountNumber")) {
      db.execute("INSERT INTO salesforce.account (accountnumber) VALUES ('NO-NAME')");
      await()
          .atMost(DEADLINE)
          .until(
              () -> h.query("SELECT _hc_lastop FROM salesforce.account").equals(List.of("FAILED")));
      assertThat(h.query("SELECT _hc_err FROM salesforce.account").get(0))
          .contains("\"code\":\"REQUIRED_FIELD_MISSING\"", "\"fields\":[\"Name\"]");
      assertThat(h.query("SELECT state || ' ' || sf_message FROM salesforce._trigger_log"))
          .singleElement()
          .asString()
          .startsWith("FAILED REQUIRED_FIELD_MISSING");

      db.execute(
          "UPDATE salesforce.account SET name = 'Named now' WHERE accountnumber = 'NO-NAME'");
      String sfid =
          awaitValue(
              h,
              "SELECT sfid FROM salesforce.account WHERE accountnumber = 'NO-NAME' AND sfid IS NOT NULL");
      assertThat(h.salesforce.retrieve("Account", sfid, "Name").orElseThrow().text("Name"))
          .contains("Named now");
    }
  }

  @Test
  void aFailedEntrySetBackToNewIsSentAgain(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name")) {
      var refuse =
          h.emulator.addFault(
              FaultRule.erroring("/composite/sobjects", "FIELD_CUSTOM_VALIDATION_EXCEPTION")
                  .onRecords());
      db.execute("INSERT INTO salesforce.account (name) VALUES ('Blocked by a rule')");
      await()
          .atMost(DEADLINE)
          .until(
              () -> h.query("SELECT state FROM salesforce._trigger_log").equals(List.of("FAILED")));

      h.emulator
          .faults()
          .remove(
              refuse.id()); // the org's rule was fixed; the operator retries the way Heroku Connect
      // users do
      db.execute("UPDATE salesforce._trigger_log SET state = 'NEW' WHERE state = 'FAILED'");
      awaitValue(h, "SELECT sfid FROM salesforce.account WHERE sfid IS NOT NULL");
      assertThat(h.query("SELECT _hc_lastop FROM salesforce.account"))
          .singleElement()
          .isIn("INSERTED", "SYNCED");
    }
  }

  @Test
  void aHandEditedEntryFailsAloneAndCorrectedIsSentAgain(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name")) {
      try (Connection c = db.connect()) {
        c.setAutoCommit(false); // edited before the writer can see it
        c.createStatement()
            .execute("INSERT INTO salesforce.account (name) VALUES ('Good'), ('Edited')");
        c.createStatement()
            .execute(
                "UPDATE salesforce._trigger_log SET action = 'MERGE' WHERE record_id ="
                    + " (SELECT id FROM salesforce.account WHERE name = 'Edited')");
        c.commit();
      }

      awaitValue(h, "SELECT sfid FROM salesforce.account WHERE name = 'Good' AND sfid IS NOT NULL");
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.query("SELECT sf_message FROM salesforce._trigger_log WHERE state = 'FAILED'")
                      .equals(
                          List.of(
                              "UNREADABLE_LOG_ENTRY: action 'MERGE' is not INSERT, UPDATE or"
                                  + " DELETE; correct the entry and set its state back to NEW")));

      db.execute(
          "UPDATE salesforce._trigger_log SET action = 'INSERT', state = 'NEW' WHERE state = 'FAILED'");
      awaitValue(
          h, "SELECT sfid FROM salesforce.account WHERE name = 'Edited' AND sfid IS NOT NULL");
      assertThat(h.salesforce.count("SELECT COUNT() FROM Account WHERE Name = 'Edited'"))
          .isEqualTo(1);
    }
  }

  @Test
  void lockedRowsAndUnavailableOrgsAreRetried(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name")) {
      h.emulator.addFault(
          FaultRule.erroring("/composite/sobjects", "UNABLE_TO_LOCK_ROW").onRecords().times(2));
      h.emulator.addFault(FaultRule.failing("/composite/sobjects", 503).times(2));
      db.execute(
          "INSERT INTO salesforce.account (name) SELECT 'Retry ' || g FROM generate_series(1, 5) g");

      await()
          .atMost(DEADLINE)
          .until(
              () -> h.count("SELECT count(*) FROM salesforce.account WHERE sfid IS NOT NULL") == 5);
      assertThat(h.salesforce.count("SELECT COUNT() FROM Account WHERE Name LIKE 'Retry %'"))
          .isEqualTo(5);
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log WHERE state = 'FAILED'"))
          .isZero();
    }
  }

  @Test
  void tenThousandUpdatesOfOneRecordBecomeOneWrite(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name", "NumberOfEmployees")) {
      db.execute("INSERT INTO salesforce.account (name, numberofemployees) VALUES ('Busy', 0)");
      String sfid = awaitValue(h, "SELECT sfid FROM salesforce.account WHERE sfid IS NOT NULL");
      h.emulator.stats().reset();
      try (Connection c = db.connect()) {
        c.setAutoCommit(false);
        for (int i = 1; i <= 10_000; i++) {
          c.createStatement().execute("UPDATE salesforce.account SET numberofemployees = " + i);
        }
        c.commit();
      }
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.salesforce
                          .retrieve("Account", sfid, "NumberOfEmployees")
                          .orElseThrow()
                          .get("NumberOfEmployees")
                          .asInt()
                      == 10_000);

      h.awaitNothingWaiting();

      assertThat(h.collectionsWriteCalls()).as("10,000 updates merged into one call").isEqualTo(1);
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log WHERE state = 'MERGED'"))
          .isEqualTo(9_999);
    }
  }

  /** A round takes 10,000 entries; the writer claims the next while the first is pushed. */
  @Test
  void aBacklogLargerThanOneRoundIsPushedOnce(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name")) {
      h.emulator.stats().reset();
      db.execute(
          "INSERT INTO salesforce.account (name) SELECT 'Row ' || g FROM generate_series(1, 10300) g");
      h.awaitNothingWaiting();

      assertThat(h.salesforce.count("SELECT COUNT() FROM Account")).isEqualTo(10_300);
      assertThat(h.count("SELECT count(DISTINCT sfid) FROM salesforce.account")).isEqualTo(10_300);
      assertThat(h.query("SELECT DISTINCT state FROM salesforce._trigger_log"))
          .containsExactly("SUCCESS");
      assertThat(h.collectionsWriteCalls())
          .as("50 calls of 200, then 2 for the rest")
          .isEqualTo(52);
    }
  }

  @Test
  void aParentAndItsChildInsertedInOneTransactionAreLinkedByExternalId(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      var account = SyncHarness.accountByExternalId();
      var contact =
          SyncHarness.mapping(
              "Contact",
              Access.READ_WRITE,
              false,
              "LastName",
              "AccountId",
              "Account__r__External_ID__c");
      h.start(SyncHarness.settings(10_000), account, contact);
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.engine().mappings().stream()
                      .allMatch(m -> m.status() == MappingStatus.DATA_SYNCED));

      db.execute(
          """
          BEGIN;
          INSERT INTO salesforce.account (name, external_id__c) VALUES ('Parent Co', 'P-1');
          INSERT INTO salesforce.contact (lastname, account__r__external_id__c) VALUES ('Child', 'P-1');
          COMMIT;""");

      String contactId =
          awaitValue(h, "SELECT sfid FROM salesforce.contact WHERE sfid IS NOT NULL");
      String accountId =
          awaitValue(h, "SELECT sfid FROM salesforce.account WHERE sfid IS NOT NULL");
      assertThat(
              h.salesforce
                  .retrieve("Contact", contactId, "AccountId")
                  .orElseThrow()
                  .text("AccountId"))
          .contains(accountId);
      await()
          .atMost(DEADLINE)
          .until(
              () -> h.query("SELECT accountid FROM salesforce.contact").equals(List.of(accountId)));
    }
  }

  @Test
  void anEditLoggedWhileItsInsertWasPushedUpdatesInsteadOfInsertingAgain(TestDatabase db)
      throws Exception {
    try (SyncHarness h = started(db, "Name")) {
      db.execute("INSERT INTO salesforce.account (name) VALUES ('v1')");
      String sfid = awaitValue(h, "SELECT sfid FROM salesforce.account WHERE sfid IS NOT NULL");
      h.stopEngine();
      db.execute("UPDATE salesforce.account SET name = 'v2'");
      // logged before the insert's sfid was written back, as an edit during the push is
      db.execute("UPDATE salesforce._trigger_log SET sfid = NULL WHERE action = 'UPDATE'");
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"));

      h.awaitSalesforce("Account", sfid, "Name", "v2");
      assertThat(h.salesforce.count("SELECT count() FROM Account")).isEqualTo(1);
    }
  }

  @Test
  void changesADeadWriterLeftPendingArePushedAfterARestart(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Name")) {
      h.stopEngine();
      db.execute("INSERT INTO salesforce.account (name) VALUES ('claimed by a killed writer')");
      // what a writer killed with SIGKILL between claim and result leaves behind
      db.execute("UPDATE salesforce._trigger_log SET state = 'PENDING', updated_at = now()");
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"));

      String sfid = awaitValue(h, "SELECT sfid FROM salesforce.account WHERE sfid IS NOT NULL");
      assertThat(h.salesforce.retrieve("Account", sfid, "Name").orElseThrow().text("Name"))
          .contains("claimed by a killed writer");
    }
  }

  private static SyncHarness started(TestDatabase db, String... fields) throws Exception {
    SyncHarness h = SyncHarness.create(db, Clock.systemUTC());
    h.start(
        SyncHarness.settings(10_000),
        SyncHarness.mapping("Account", Access.READ_WRITE, false, fields));
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                h.engine().mapping("Account").orElseThrow().status() == MappingStatus.DATA_SYNCED);
    return h;
  }

  @Test
  void aTableWhoseRowsCannotBeReadWaitsAndTheOthersAreNotPushedAgain(TestDatabase db)
      throws Exception {
    try (SyncHarness h = accountsAndContacts(db)) {
      db.execute( // and then the writer cannot read contact rows, as while the database restarts
          """
          BEGIN;
          INSERT INTO salesforce.account (name) VALUES ('Pushed once');
          INSERT INTO salesforce.contact (lastname) VALUES ('Waits');
          ALTER TABLE salesforce.contact RENAME TO contact_hidden;
          COMMIT;""");

      String accountId =
          awaitValue(h, "SELECT sfid FROM salesforce.account WHERE sfid IS NOT NULL");
      db.execute("ALTER TABLE salesforce.contact_hidden RENAME TO contact");

      awaitValue(h, "SELECT sfid FROM salesforce.contact WHERE sfid IS NOT NULL");
      assertThat(h.salesforce.count("SELECT count() FROM Account")).isEqualTo(1);
      assertThat(h.salesforce.count("SELECT count() FROM Contact WHERE LastName = 'Waits'"))
          .isEqualTo(1);
      assertThat(h.query("SELECT sfid FROM salesforce.account")).containsExactly(accountId);
    }
  }

  @Test
  void eachCallsResultsAreRecordedWithoutWaitingForTheRestOfTheRound(TestDatabase db)
      throws Exception {
    try (SyncHarness h = accountsAndContacts(db)) {
      h.emulator.addFault(FaultRule.slow("/composite/sobjects", 3_000)); // each call answers late
      db.execute(
          """
          BEGIN;
          INSERT INTO salesforce.account (name) VALUES ('Parent, sent first');
          INSERT INTO salesforce.contact (lastname) VALUES ('Child, sent next');
          COMMIT;""");

      // (a row's sfid is no sign: a poll may import the new record before it is recorded)
      h.awaitRows(
          "SELECT state FROM salesforce._trigger_log WHERE table_name = 'account'", "SUCCESS");
      // one round, two calls: the first is recorded while the second is still out, so an engine
      // killed now would leave one insert made but unrecorded, not two
      assertThat(h.query("SELECT state FROM salesforce._trigger_log WHERE table_name = 'contact'"))
          .containsExactly("PENDING");
      h.emulator.faults().clear();
      awaitValue(h, "SELECT sfid FROM salesforce.contact WHERE sfid IS NOT NULL");
    }
  }

  /** Read-write Account (Name) and Contact (LastName) mappings, started and synced. */
  private static SyncHarness accountsAndContacts(TestDatabase db) throws Exception {
    SyncHarness h = SyncHarness.create(db, Clock.systemUTC());
    h.start(
        SyncHarness.settings(10_000),
        SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"),
        SyncHarness.mapping("Contact", Access.READ_WRITE, false, "LastName"));
    h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
    h.awaitStatus("Contact", MappingStatus.DATA_SYNCED);
    return h;
  }

  private static String awaitValue(SyncHarness h, String sql) {
    return await().atMost(DEADLINE).until(() -> h.query(sql), rows -> rows.size() == 1).get(0);
  }
}
