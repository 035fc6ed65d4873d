package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values Salesforce refuses (issue 10's bad-input catalogue, docs/bad-inputs.md): each refused row
 * ends FAILED with Salesforce's reason on the row and its log entry, the rows written with it still
 * sync, and fixing the value syncs it. Values PostgreSQL itself refuses never reach the log.
 * Required fields and validation rules are covered by {@link OutboundSyncIT}.
 */
@WithPostgres
class RejectedValuesIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aValueTooLongForSalesforceFailsAloneAndSyncsOnceShortened(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Account", "Name", "Description")) {
      db.execute(
          "INSERT INTO salesforce.account (name, description) VALUES ('Short 1', 'fine'),"
              + " ('Too long', repeat('x', 32001)), ('Short 2', 'fine')");

      JsonNode err = awaitFailure(h, "account", "name = 'Too long'");
      assertThat(err.path("code").asText()).isEqualTo("STRING_TOO_LONG");
      assertThat(err.path("msg").asText())
          .startsWith("Account Description: data value too large")
          .endsWith("(max length=32000)");
      assertThat(err.path("fields").toString()).isEqualTo("[\"Description\"]");
      assertThat(err.path("op").asText()).isEqualTo("INSERT");
      assertThat(logMessage(h)).startsWith("STRING_TOO_LONG: Account Description");
      assertThat(h.query("SELECT name FROM salesforce.account WHERE sfid IS NOT NULL ORDER BY 1"))
          .as("the rest of the batch synced")
          .containsExactly("Short 1", "Short 2");

      db.execute("UPDATE salesforce.account SET description = 'short now' WHERE name = 'Too long'");
      awaitSynced(h, "account", "name = 'Too long'");
    }
  }

  @Test
  void aRequiredFieldMissingFailsOnlyThatRowOfTheBatch(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Account", "Name", "AccountNumber")) {
      db.execute(
          "INSERT INTO salesforce.account (name, accountnumber) VALUES ('Named 1', 'A1'),"
              + " (NULL, 'NO-NAME'), ('Named 2', 'A2')");

      JsonNode err = awaitFailure(h, "account", "accountnumber = 'NO-NAME'");
      assertThat(err.path("code").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
      assertThat(err.path("msg").asText()).isEqualTo("Required fields are missing: [Name]");
      assertThat(h.count("SELECT count(*) FROM salesforce.account WHERE sfid IS NOT NULL"))
          .isEqualTo(2);
    }
  }

  @Test
  void numbersPicklistValuesAndEmailsSalesforceRefusesFailWithTheirReasons(TestDatabase db)
      throws Exception {
    try (SyncHarness h = started(db, "Account", "Name", "AnnualRevenue", "Tier__c")) {
      db.execute(
          "INSERT INTO salesforce.account (name, annualrevenue, tier__c) VALUES"
              + " ('Huge', 1e20, NULL), ('Platinum', NULL, 'Platinum'), ('Fine', 5, 'Gold')");

      JsonNode range = awaitFailure(h, "account", "name = 'Huge'");
      assertThat(range.path("code").asText()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
      assertThat(range.path("msg").asText())
          .startsWith("Annual Revenue: value outside of valid range on numeric field: 1.0E");
      JsonNode picklist = awaitFailure(h, "account", "name = 'Platinum'");
      assertThat(picklist.path("code").asText())
          .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
      assertThat(picklist.path("msg").asText())
          .endsWith("bad value for restricted picklist field: Platinum");
      awaitSynced(h, "account", "name = 'Fine'");

      db.execute("UPDATE salesforce.account SET annualrevenue = 1e9 WHERE name = 'Huge'");
      awaitSynced(h, "account", "name = 'Huge'");
    }
  }

  @Test
  void badReferencesAndEmailsOnContactsFailWithTheirReasons(TestDatabase db) throws Exception {
    try (SyncHarness h = started(db, "Contact", "LastName", "Email", "AccountId")) {
      db.execute(
          "INSERT INTO salesforce.contact (lastname, email, accountid) VALUES"
              + " ('Bad email', 'not-an-email', NULL),"
              + " ('Malformed id', NULL, 'abc'),"
              + " ('Missing parent', NULL, '001000000000404AAA'),"
              + " ('Fine', 'fine@example.com', NULL)");

      assertThat(code(h, "lastname = 'Bad email'")).isEqualTo("INVALID_EMAIL_ADDRESS");
      assertThat(code(h, "lastname = 'Malformed id'")).isEqualTo("MALFORMED_ID");
      assertThat(code(h, "lastname = 'Missing parent'")).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
      awaitSynced(h, "contact", "lastname = 'Fine'");
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log WHERE state = 'FAILED'"))
          .isEqualTo(3);
    }
  }

  @Test
  void valuesPostgresRefusesFailTheApplicationsStatementAndAreNeverQueued(TestDatabase db)
      throws Exception {
    try (SyncHarness h = started(db, "Account", "Name", "NumberOfEmployees")) {
      assertThatThrownBy(
              () -> db.execute("INSERT INTO salesforce.account (name) VALUES (repeat('n', 256))"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("value too long for type character varying(255)");
      assertThatThrownBy(
              () ->
                  db.execute(
                      "INSERT INTO salesforce.account (name, numberofemployees) VALUES ('x', 'abc')"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("invalid input syntax for type integer: \"abc\"");
      assertThat(h.count("SELECT count(*) FROM salesforce._trigger_log")).isZero();
    }
  }

  private static SyncHarness started(TestDatabase db, String object, String... fields)
      throws Exception {
    SyncHarness h = SyncHarness.create(db, Clock.systemUTC());
    h.start(
        SyncHarness.settings(10_000),
        SyncHarness.mapping(object, Access.READ_WRITE, false, fields));
    await()
        .atMost(DEADLINE)
        .until(
            () -> h.engine().mapping(object).orElseThrow().status() == MappingStatus.DATA_SYNCED);
    return h;
  }

  private static String code(SyncHarness h, String where) throws Exception {
    return awaitFailure(h, "contact", where).path("code").asText();
  }

  /** Waits for the row to fail, and reads its {@code _hc_err}. */
  private static JsonNode awaitFailure(SyncHarness h, String table, String where) throws Exception {
    String sql =
        "SELECT _hc_err FROM salesforce." + table + " WHERE _hc_lastop = 'FAILED' AND " + where;
    List<String> rows = await().atMost(DEADLINE).until(() -> h.query(sql), r -> r.size() == 1);
    return JSON.readTree(rows.get(0));
  }

  private static void awaitSynced(SyncHarness h, String table, String where) {
    String sql =
        "SELECT count(*) FROM salesforce."
            + table
            + " WHERE sfid IS NOT NULL AND _hc_err IS NULL AND "
            + where;
    await().atMost(DEADLINE).until(() -> h.count(sql) == 1);
  }

  private static String logMessage(SyncHarness h) throws Exception {
    return h.query("SELECT sf_message FROM salesforce._trigger_log WHERE state = 'FAILED'").get(0);
  }
}
