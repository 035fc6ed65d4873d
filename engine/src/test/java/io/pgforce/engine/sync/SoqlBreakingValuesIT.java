package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.schema.Soql;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Values that break hand-built SOQL or SQL (issue 10's bad-input catalogue, docs/bad-inputs.md):
 * quotes, backslashes, LIKE wildcards, line breaks and characters outside ASCII travel both ways
 * unharmed, as names, as external ids pushed by upsert, and as a parent's external id in a
 * relationship column.
 */
@WithPostgres
class SoqlBreakingValuesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  /** Each value a hand-built query gets wrong if it is not escaped; all fit External_ID__c (40). */
  static final List<String> NASTY =
      List.of(
          "O'Brien & Sons",
          "back\\slash\\",
          "say \"hi\"",
          "100% _done_",
          "line one\nline two\r\ttab",
          "Zürich — 東京 🚀",
          "'; DELETE FROM account; --",
          "\\' OR Name != '");

  @Test
  void nastyValuesWrittenInSalesforceArriveByPollingAndChangeDataCapture(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      Mapping byPolling = SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name");
      // polls hourly, so what arrives within the deadline came by Change Data Capture
      Mapping byCdc =
          new Mapping(
              "Contact",
              Access.READ_ONLY,
              true,
              3600,
              30000,
              List.of("LastName"),
              Map.of(),
              Optional.empty());
      h.start(SyncHarness.settings(10_000), byPolling, byCdc);
      awaitAllSynced(h);
      await() // Contact's first poll is behind it; the next is an hour away
          .atMost(DEADLINE)
          .until(() -> h.engine().mapping("Contact").orElseThrow().lastPoll().isPresent());

      for (String value : NASTY) {
        create(h, "Account", Map.of("Name", value));
        create(h, "Contact", Map.of("LastName", value));
      }

      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(h.query("SELECT name FROM salesforce.account"))
                      .containsExactlyInAnyOrderElementsOf(NASTY));
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () ->
                  assertThat(h.query("SELECT lastname FROM salesforce.contact"))
                      .containsExactlyInAnyOrderElementsOf(NASTY));
    }
  }

  @Test
  void nastyValuesWrittenInPostgresArriveUpsertedAndLinkedByExternalId(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      Mapping account = SyncHarness.accountByExternalId();
      Mapping contact =
          SyncHarness.mapping(
              "Contact", Access.READ_WRITE, false, "LastName", "Account__r__External_ID__c");
      h.start(SyncHarness.settings(10_000), account, contact);
      awaitAllSynced(h);

      try (Connection c = db.connect()) {
        for (String value : NASTY) {
          insert(c, "INSERT INTO salesforce.account (name, external_id__c) VALUES (?, ?)", value);
          insert(
              c,
              "INSERT INTO salesforce.contact (lastname, account__r__external_id__c) VALUES (?, ?)",
              value);
        }
      }

      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.count("SELECT count(*) FROM salesforce.contact WHERE sfid IS NOT NULL")
                      == NASTY.size());
      for (String value : NASTY) {
        // the SOQL literal pgforce builds, read back by the org's own SOQL parser
        String where =
            " WHERE Name = " + Soql.literal(value) + " AND External_ID__c = " + Soql.literal(value);
        var found = h.salesforce.query("SELECT Id FROM Account" + where).toList();
        assertThat(found).as(value).hasSize(1);
        String accountId = found.get(0).id().orElseThrow();
        assertThat(
                h.salesforce.count(
                    "SELECT COUNT() FROM Contact WHERE LastName = "
                        + Soql.literal(value)
                        + " AND AccountId = "
                        + Soql.literal(accountId)))
            .as("the contact named " + value + " is linked to its account")
            .isEqualTo(1);
      }
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log WHERE state = 'FAILED'"))
          .isZero();
    }
  }

  private static void insert(Connection c, String sql, String value) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      ps.setString(2, value);
      ps.executeUpdate();
    }
  }

  private static void create(SyncHarness h, String object, Map<String, Object> fields) {
    h.emulator
        .dml()
        .create(List.of(RecordInput.of(object, fields)), DmlOptions.asUser(h.emulator.userId()));
  }

  private static void awaitAllSynced(SyncHarness h) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                h.engine().mappings().stream()
                    .allMatch(m -> m.status() == MappingStatus.DATA_SYNCED));
  }
}
