package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.salesforce.streaming.ChangeEventHeader;
import io.pgforce.salesforce.streaming.ChangeType;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pgforce's own writes coming back by Change Data Capture with its {@code changeOrigin}: as the
 * architecture has it, they are applied (they carry Salesforce's final values) and settle the
 * pushed row as SYNCED, and nothing is logged or pushed again. The clock stands still and polls are
 * hourly, so only the echo can settle the row.
 */
@WithPostgres
class CdcEchoIT {

  private static final String ROW = "SELECT %s FROM salesforce.account WHERE name = 'Local Co'";

  @Test
  void pushedWritesComingBackByTheStreamSettleTheRowAndAreNotPushedAgain(TestDatabase db)
      throws Exception {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (SyncHarness h = SyncHarness.create(db, clock)) {
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.streamed("Account", Access.READ_WRITE, "Name", "Industry"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      h.quietStream(clock, "Account");
      h.emulator.stats().reset();
      // Echoes arrive after the writer has recorded its result, as Salesforce's event latency makes
      // likely (an echo that overtakes it: see below)
      h.emulator.streamingFaults().delayEvents(java.time.Duration.ofSeconds(2));

      db.execute("INSERT INTO salesforce.account (name, industry) VALUES ('Local Co', 'Energy')");
      h.awaitRows(ROW.formatted("_hc_lastop"), "SYNCED");
      String sfid = h.query(ROW.formatted("sfid")).get(0);
      db.execute("UPDATE salesforce.account SET industry = 'Retail' WHERE sfid = '" + sfid + "'");
      h.awaitRows(ROW.formatted("_hc_lastop || ' ' || industry"), "SYNCED Retail");

      try (EventTap tap = new EventTap(h.salesforce, "/data/AccountChangeEvent")) {
        List<ChangeEventHeader> echoes = tap.first(2);
        assertThat(echoes)
            .extracting(ChangeEventHeader::changeType)
            .containsExactly(ChangeType.CREATE, ChangeType.UPDATE);
        assertThat(echoes).allMatch(e -> e.originatedFrom("pgforce"));
      }
      assertThat(h.count("SELECT count(*) FROM salesforce.account")).isOne();
      assertThat(h.query("SELECT action || ' ' || state FROM salesforce._trigger_log ORDER BY id"))
          .as("the echoes' writes were not logged")
          .containsExactly("INSERT SUCCESS", "UPDATE SUCCESS");
      assertThat(h.collectionsWriteCalls())
          .as("one push per local change, none for the echoes")
          .isEqualTo(2);
      assertThat(h.salesforce.count("SELECT COUNT() FROM Account WHERE Name = 'Local Co'")).isOne();
    }
  }

  @Test
  void anInsertsEchoThatOvertakesTheWriteBackAddsNoSecondRow(TestDatabase db) throws Exception {
    MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    try (SyncHarness h = SyncHarness.create(db, clock)) {
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.streamed("Account", Access.READ_WRITE, "Name", "Industry"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      h.quietStream(clock, "Account");
      long replayedBefore = h.replayId();

      // the push is slowed so that the lock below is in place before its answer is recorded
      h.emulator.addFault(
          io.pgforce.emulator.faults.FaultRule.slow("/composite/sobjects", 1500).times(1));
      db.execute("INSERT INTO salesforce.account (name, industry) VALUES ('Local Co', 'Energy')");
      try (Connection locker = db.connect()) {
        locker.setAutoCommit(false);
        // the writer cannot write the sfid back while this lock is held; the echo can arrive
        locker.createStatement().executeQuery(ROW.formatted("id") + " FOR UPDATE").close();
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(60))
            .until(() -> h.replayId() > replayedBefore);
        assertThat(h.count("SELECT count(*) FROM salesforce.account")).isOne();
        locker.rollback();
      }

      h.awaitRows(ROW.formatted("_hc_lastop"), "INSERTED");
      assertThat(h.count("SELECT count(*) FROM salesforce.account WHERE sfid IS NOT NULL")).isOne();
      assertThat(h.count("SELECT count(*) FROM salesforce.account")).isOne();
      assertThat(h.query("SELECT state FROM salesforce._trigger_log")).containsExactly("SUCCESS");
    }
  }
}
