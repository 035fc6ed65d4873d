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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two paths that carry volume and speed: Bulk API 2.0 into COPY, and Change Data Capture. */
@WithPostgres
class BulkAndCdcIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void loadsAboveTheThresholdThroughBulkIntoCopyWithTheSameValuesAsRest(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.emulator.seed(3000, 0, 0);
      h.start(
          SyncHarness.settings(1000),
          SyncHarness.mapping(
              "Account",
              Access.READ_ONLY,
              false,
              "Name",
              "BillingCity",
              "AnnualRevenue",
              "NumberOfEmployees",
              "CreatedDate"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);

      assertThat(h.count("SELECT count(*) FROM salesforce.account")).isEqualTo(3000);
      assertThat(h.query("SELECT method FROM pgforce.initial_load")).containsExactly("BULK");
      var sample =
          h.salesforce
              .query(
                  "SELECT Id, Name, BillingCity, AnnualRevenue, NumberOfEmployees FROM Account LIMIT 1")
              .findFirst()
              .orElseThrow();
      String id = sample.id().orElseThrow();
      assertThat(
              h.query(
                  "SELECT concat_ws('|', name, billingcity, annualrevenue::numeric, numberofemployees) FROM salesforce.account WHERE sfid = '"
                      + id
                      + "'"))
          .containsExactly(
              String.join(
                  "|",
                  sample.text("Name").orElseThrow(),
                  sample.text("BillingCity").orElseThrow(),
                  new java.math.BigDecimal(sample.get("AnnualRevenue").asText())
                      .stripTrailingZeros()
                      .toPlainString(),
                  sample.get("NumberOfEmployees").asText()));
    }
  }

  @Test
  void changeDataCaptureDeliversCreatesUpdatesAndDeletesWithoutWaitingForAPoll(TestDatabase db)
      throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      Mapping hourlyPolls =
          new Mapping(
              "Account",
              Access.READ_ONLY,
              true,
              3600,
              30000,
              List.of("Name", "BillingCity"),
              Map.of(),
              Optional.empty());
      h.start(SyncHarness.settings(10_000), hourlyPolls);
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      // polls are hourly: after the one a new subscription asks for, only the stream delivers
      String id = h.salesforce.create("Account", Map.of("Name", "Streamed"));
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.query("SELECT name FROM salesforce.account WHERE sfid = '" + id + "'")
                      .equals(List.of("Streamed")));

      h.salesforce.update("Account", id, Map.of("BillingCity", "Lyon"));
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.query(
                          "SELECT name || '|' || billingcity FROM salesforce.account WHERE sfid = '"
                              + id
                              + "'")
                      .equals(List.of("Streamed|Lyon")));

      h.salesforce.delete("Account", id);
      await()
          .atMost(DEADLINE)
          .until(
              () ->
                  h.count("SELECT count(*) FROM salesforce.account WHERE sfid = '" + id + "'")
                      == 0);
      assertThat(
              h.count(
                  "SELECT count(*) FROM pgforce.replay_position WHERE channel = '/data/AccountChangeEvent'"))
          .isEqualTo(1);
    }
  }

  @Test
  void addingAFieldBackfillsItsColumnForEveryRow(TestDatabase db) throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      h.emulator.seed(500, 0, 0);
      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);
      h.stopEngine();

      h.start(
          SyncHarness.settings(10_000),
          SyncHarness.mapping("Account", Access.READ_ONLY, false, "Name", "Industry"));
      h.awaitStatus("Account", MappingStatus.DATA_SYNCED);

      assertThat(h.count("SELECT count(*) FROM salesforce.account WHERE industry IS NOT NULL"))
          .isEqualTo(h.salesforce.count("SELECT COUNT() FROM Account WHERE Industry != null"))
          .isGreaterThan(0);
    }
  }
}
