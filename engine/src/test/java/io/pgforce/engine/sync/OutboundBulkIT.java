package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Large pushes go as Bulk API 2.0 ingest jobs: results matched back to their rows by Id or external
 * id, one refused row recorded without holding up the others, relationships by external id.
 */
@WithPostgres
class OutboundBulkIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final int ROWS = 300;

  @Test
  void insertsUpdatesAndDeletesAboveTheThresholdGoAsBulkJobs(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db)) {
      h.emulator.stats().reset();
      db.execute(
          """
          INSERT INTO salesforce.account (name, external_id__c)
          SELECT CASE WHEN g = 7 THEN NULL ELSE 'Bulk ' || g END, 'B-' || g
          FROM generate_series(1, %d) g"""
              .formatted(ROWS));

      awaitCount(
          h, "SELECT count(*) FROM salesforce._trigger_log WHERE state = 'SUCCESS'", ROWS - 1);
      assertThat(h.query("SELECT sf_message FROM salesforce._trigger_log WHERE state = 'FAILED'"))
          .singleElement()
          .asString()
          .startsWith("REQUIRED_FIELD_MISSING");
      assertThat(h.query("SELECT _hc_err FROM salesforce.account WHERE external_id__c = 'B-7'"))
          .singleElement()
          .asString()
          .contains("\"code\":\"REQUIRED_FIELD_MISSING\"");
      assertThat(h.count("SELECT count(*) FROM salesforce.account WHERE sfid IS NOT NULL"))
          .isEqualTo(ROWS - 1);
      assertSfidsMatchExternalIds(h);
      assertThat(h.collectionsWriteCalls())
          .as("no Collections call for a bulk-sized push")
          .isZero();
      assertThat(ingestJobs(h)).isEqualTo(1);

      // one row's update is refused: the job's failures alone say which, and the others saved
      db.execute(
          """
          UPDATE salesforce.account
          SET name = CASE WHEN external_id__c = 'B-8' THEN NULL ELSE name || ' (updated)' END
          WHERE sfid IS NOT NULL""");
      awaitCount(
          h,
          "SELECT count(*) FROM salesforce._trigger_log WHERE state = 'SUCCESS'",
          (ROWS - 1) + (ROWS - 2));
      assertThat(h.salesforce.count("SELECT COUNT() FROM Account WHERE Name LIKE '%(updated)'"))
          .isEqualTo(ROWS - 2);
      assertThat(h.query("SELECT _hc_err FROM salesforce.account WHERE external_id__c = 'B-8'"))
          .singleElement()
          .asString()
          .contains("\"op\":\"UPDATE\"")
          .contains("\"code\":\"REQUIRED_FIELD_MISSING\"");
      assertThat(calls(h, "/successfulResults"))
          .as("saved rows read for the insert job only: an update is matched by its Id")
          .isEqualTo(1);

      db.execute("DELETE FROM salesforce.account WHERE sfid IS NOT NULL");
      await().atMost(DEADLINE).until(() -> h.salesforce.count("SELECT COUNT() FROM Account") == 0);
      assertThat(h.collectionsWriteCalls()).isZero();
      assertThat(ingestJobs(h)).isEqualTo(3);
    }
  }

  @Test
  void childrenUpdatedInBulkFindTheirNewParentByExternalId(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db)) {
      db.execute(
          """
          INSERT INTO salesforce.account (name, external_id__c) VALUES ('First', 'P-1'), ('Second', 'P-2');
          INSERT INTO salesforce.contact (lastname, account__r__external_id__c)
          SELECT 'Child ' || g, 'P-1' FROM generate_series(1, %d) g"""
              .formatted(ROWS));
      awaitCount(h, "SELECT count(*) FROM salesforce.contact WHERE sfid IS NOT NULL", ROWS);
      String second =
          await()
              .atMost(DEADLINE)
              .until(
                  () -> h.query("SELECT sfid FROM salesforce.account WHERE external_id__c = 'P-2'"),
                  rows -> rows.size() == 1 && rows.get(0) != null)
              .get(0);

      db.execute("UPDATE salesforce.contact SET account__r__external_id__c = 'P-2'");
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.salesforce.count(
                          "SELECT COUNT() FROM Contact WHERE AccountId = '" + second + "'")
                      == ROWS);
    }
  }

  private static SyncHarness started(TestDatabase db) throws Exception {
    SyncHarness h = SyncHarness.create(db, Clock.systemUTC());
    Mapping account = SyncHarness.accountByExternalId();
    Mapping contact =
        SyncHarness.mapping(
            "Contact", Access.READ_WRITE, false, "LastName", "Account__r__External_ID__c");
    h.start(SyncHarness.settings(10_000).withOutboundBulkThreshold(100), account, contact);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                h.engine().mappings().stream()
                    .allMatch(m -> m.status() == MappingStatus.DATA_SYNCED));
    return h;
  }

  /** Every row got the id of the Salesforce record holding its own external id. */
  private static void assertSfidsMatchExternalIds(SyncHarness h) throws Exception {
    for (String row :
        h.query(
            "SELECT sfid || ' ' || external_id__c FROM salesforce.account WHERE sfid IS NOT NULL")) {
      String[] parts = row.split(" ");
      assertThat(
              h.salesforce
                  .retrieve("Account", parts[0], "External_ID__c")
                  .orElseThrow()
                  .text("External_ID__c"))
          .contains(parts[1]);
    }
  }

  private static void awaitCount(SyncHarness h, String sql, long expected) {
    await().atMost(DEADLINE).until(() -> h.count(sql) == expected);
  }

  private static long calls(SyncHarness h, String endpointPart) {
    return h.emulator.stats().snapshot().entrySet().stream()
        .filter(e -> e.getKey().contains(endpointPart))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private static long ingestJobs(SyncHarness h) {
    return h.emulator.stats().snapshot().entrySet().stream()
        .filter(e -> e.getKey().startsWith("POST ") && e.getKey().endsWith("/jobs/ingest"))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
