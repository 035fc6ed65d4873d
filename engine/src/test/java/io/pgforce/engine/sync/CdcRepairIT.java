package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.streaming.EventRetention;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.salesforce.streaming.ChangeEventHeader;
import io.pgforce.salesforce.streaming.ChangeType;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change Data Capture when the stream is not enough: undeletes, gap and overflow events, dropped
 * connections, and a replayId Salesforce no longer keeps. The clock stands still unless a test
 * moves it, and polls are hourly, so no routine poll can read a change a test makes: what reaches
 * Postgres came by the stream, or by a read the stream asked for.
 */
@WithPostgres
class CdcRepairIT {

  private static final String CHANNEL = "/data/AccountChangeEvent";
  private static final Mapping ACCOUNTS =
      SyncHarness.streamed("Account", Access.READ_ONLY, "Name", "BillingCity");

  private final MutableClock clock =
      new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @Test
  void anUndeleteInSalesforceBringsTheRowBackByTheStream(TestDatabase db) throws Exception {
    try (SyncHarness h = streaming(db)) {
      OrgUser user = new OrgUser(h.emulator);
      String id = user.create("Account", Map.of("Name", "Lazarus"));
      h.awaitRows(nameOf(id), "Lazarus");

      user.delete(id);
      h.awaitCount(countOf(id), 0);

      user.undelete(id);
      h.awaitRows(nameOf(id), "Lazarus");
    }
  }

  @Test
  void gapEventsAreRepairedByPollingTheirWindow(TestDatabase db) throws Exception {
    try (SyncHarness h = streaming(db)) {
      OrgUser user = new OrgUser(h.emulator);
      h.emulator.streamingFaults().gapsFor("Account", 3); // the next three changes: ids, no values
      letTimePassBeforeEventsArrive(h);

      String id = user.create("Account", Map.of("Name", "Gap Co", "BillingCity", "Oslo"));
      clock.advance(Duration.ofSeconds(5));
      h.awaitRows(nameAndCityOf(id), "Gap Co|Oslo");
      user.update("Account", id, Map.of("BillingCity", "Bergen"));
      clock.advance(Duration.ofSeconds(5));
      h.awaitRows(nameAndCityOf(id), "Gap Co|Bergen");
      user.delete(id);
      clock.advance(Duration.ofSeconds(5));
      h.awaitCount(countOf(id), 0);

      try (EventTap tap = new EventTap(h.salesforce, CHANNEL)) {
        assertThat(tap.first(3))
            .extracting(ChangeEventHeader::changeType)
            .containsExactly(ChangeType.GAP_CREATE, ChangeType.GAP_UPDATE, ChangeType.GAP_DELETE);
      }
    }
  }

  @Test
  void anOverflowIsRepairedByPollingTheWindowItCovers(TestDatabase db) throws Exception {
    try (SyncHarness h = streaming(db)) {
      h.emulator.changeEvents().overflowThreshold(1); // past one change, a transaction overflows
      letTimePassBeforeEventsArrive(h);
      List<String> ids =
          new OrgUser(h.emulator)
              .createAll(
                  "Account",
                  List.of(
                      Map.of("Name", "Flood"), Map.of("Name", "Flood"), Map.of("Name", "Flood")));
      clock.advance(Duration.ofSeconds(5));

      h.awaitCount("SELECT count(*) FROM salesforce.account WHERE name = 'Flood'", 3);
      assertThat(h.query("SELECT sfid FROM salesforce.account WHERE name = 'Flood'"))
          .containsExactlyInAnyOrderElementsOf(ids);
      try (EventTap tap = new EventTap(h.salesforce, CHANNEL)) {
        assertThat(tap.first(2))
            .extracting(ChangeEventHeader::changeType)
            .containsExactly(ChangeType.CREATE, ChangeType.GAP_OVERFLOW);
      }
    }
  }

  @Test
  void changesWhileTheEngineIsStoppedArriveByReplayFromTheSavedReplayId(TestDatabase db)
      throws Exception {
    try (SyncHarness h = streaming(db)) {
      OrgUser user = new OrgUser(h.emulator);
      String kept = user.create("Account", Map.of("Name", "Before"));
      h.awaitRows(nameOf(kept), "Before");
      h.stopEngine();

      String created = user.create("Account", Map.of("Name", "While stopped"));
      user.update("Account", kept, Map.of("Name", "Renamed while stopped"));
      h.start(SyncHarness.settings(10_000), ACCOUNTS);

      h.awaitRows(nameOf(created), "While stopped");
      h.awaitRows(nameOf(kept), "Renamed while stopped");
    }
  }

  @Test
  void changesAroundADroppedConnectionAllArrive(TestDatabase db) throws Exception {
    try (SyncHarness h = streaming(db)) {
      OrgUser user = new OrgUser(h.emulator);
      String kept = user.create("Account", Map.of("Name", "Before the drop"));
      h.awaitRows(nameOf(kept), "Before the drop");

      h.emulator.streamingFaults().dropConnections();
      String created = user.create("Account", Map.of("Name", "Around the drop"));
      user.update("Account", kept, Map.of("BillingCity", "Turin"));

      h.awaitRows(nameOf(created), "Around the drop");
      h.awaitRows(nameAndCityOf(kept), "Before the drop|Turin");
    }
  }

  @Test
  void aStreamWhoseReplayIdIsNoLongerKeptStartsAgainAndMissesNothing(TestDatabase db)
      throws Exception {
    try (SyncHarness h = streaming(db)) {
      OrgUser user = new OrgUser(h.emulator);
      String before = user.create("Account", Map.of("Name", "Before the outage"));
      h.awaitRows(nameOf(before), "Before the outage");
      h.stopEngine();

      // An outage longer than Salesforce keeps events (72 hours): the saved replayId is refused.
      h.emulator.eventRetention(new EventRetention(Duration.ofHours(72), 1));
      String during = user.create("Account", Map.of("Name", "During the outage"));
      user.update("Account", before, Map.of("Name", "Renamed during the outage"));
      clock.advance(Duration.ofSeconds(10)); // time passed: a poll can read the outage's changes
      h.start(SyncHarness.settings(10_000), ACCOUNTS);
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);

      h.awaitRows(nameOf(during), "During the outage");
      h.awaitRows(nameOf(before), "Renamed during the outage");
      h.awaitSubscribed(CHANNEL);
      String after = user.create("Account", Map.of("Name", "After the outage"));
      h.awaitRows(nameOf(after), "After the outage");
    }
  }

  private SyncHarness streaming(TestDatabase db) throws Exception {
    SyncHarness h = SyncHarness.create(db, clock);
    h.start(SyncHarness.settings(10_000), ACCOUNTS);
    h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
    h.quietStream(clock, "Account");
    return h;
  }

  /**
   * Holds events back a second, so the test moves the clock past the settle delay before the engine
   * hears of a change: the poll the event asks for can then read it.
   */
  private static void letTimePassBeforeEventsArrive(SyncHarness h) {
    h.emulator.streamingFaults().delayEvents(Duration.ofSeconds(1));
  }

  private static String nameOf(String sfid) {
    return "SELECT name FROM salesforce.account WHERE sfid = '" + sfid + "'";
  }

  private static String nameAndCityOf(String sfid) {
    return "SELECT name || '|' || billingcity FROM salesforce.account WHERE sfid = '" + sfid + "'";
  }

  private static String countOf(String sfid) {
    return "SELECT count(*) FROM salesforce.account WHERE sfid = '" + sfid + "'";
  }
}
