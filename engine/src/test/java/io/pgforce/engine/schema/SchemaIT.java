package io.pgforce.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pgforce.engine.Problems;
import io.pgforce.engine.db.SyncSession;
import io.pgforce.engine.mapping.Access;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** The Heroku Connect database contract, checked on a real PostgreSQL. */
@WithPostgres
class SchemaIT {

  private static final SyncSchema SCHEMA = new SyncSchema("salesforce");
  private static TableDefinition account;

  @BeforeAll
  static void install(TestDatabase db) throws SQLException {
    account = definition(Access.READ_WRITE, "Name", "AnnualRevenue", "BillingAddress");
    TableDefinition readOnly =
        TableDefinition.resolve(
                new io.pgforce.engine.mapping.Mapping(
                    "Contact",
                    Access.READ_ONLY,
                    false,
                    600,
                    30000,
                    List.of("Name"),
                    Map.of(),
                    java.util.Optional.empty()),
                new ObjectSchema("Contact", SampleObjects.account().fields()),
                new Problems())
            .orElseThrow();
    try (Connection c = db.connect()) {
      SCHEMA.install(c);
      SCHEMA.install(c); // a second start changes nothing
      TableInstaller tables = new TableInstaller(SCHEMA);
      for (TableDefinition def : List.of(account, readOnly)) {
        tables.ensureTable(c, def);
        tables.ensureIndexes(c, def);
        tables.installTriggers(c, def, true);
      }
    }
  }

  @Test
  void createsTheTableWithSystemColumnsAndIndexes(TestDatabase db) throws SQLException {
    assertThat(columns(db, "account"))
        .containsExactly(
            Map.entry("id", "integer"),
            Map.entry("sfid", "character varying"),
            Map.entry("isdeleted", "boolean"),
            Map.entry("systemmodstamp", "timestamp without time zone"),
            Map.entry("name", "character varying"),
            Map.entry("annualrevenue", "double precision"),
            Map.entry("billingstreet", "character varying"),
            Map.entry("billingcity", "character varying"),
            Map.entry("billinglatitude", "double precision"),
            Map.entry("_hc_lastop", "character varying"),
            Map.entry("_hc_err", "text"));
    assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE tablename = 'account' ORDER BY 1"))
        .contains("hc_idx_account_systemmodstamp", "hcu_idx_account_sfid");
    assertThat(
            query(
                db,
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'salesforce' ORDER BY 1"))
        .contains("_hcmeta", "_trigger_log", "_trigger_log_archive", "account", "contact");
  }

  @Test
  void logsApplicationWritesAsHerokuConnectDoes(TestDatabase db) throws SQLException {
    try (Connection app = db.connect();
        Statement st = app.createStatement()) {
      st.execute("INSERT INTO salesforce.account (name, annualrevenue) VALUES ('Acme', 10)");
      st.execute("UPDATE salesforce.account SET annualrevenue = 20 WHERE name = 'Acme'");
      st.execute("UPDATE salesforce.account SET annualrevenue = 20 WHERE name = 'Acme'");
      st.execute("DELETE FROM salesforce.account WHERE name = 'Acme'");
    }
    List<String> log =
        query(
            db,
            "SELECT action || ' ' || state || ' ' || coalesce(\"values\", '-') FROM salesforce._trigger_log"
                + " WHERE record_id = (SELECT min(record_id) FROM salesforce._trigger_log"
                + " WHERE \"values\" LIKE '%\"Acme\"%') ORDER BY id");
    assertThat(log).hasSize(4);
    assertThat(log.get(0))
        .startsWith("INSERT NEW ")
        .contains("\"name\"=>\"Acme\"", "\"annualrevenue\"=>\"10\"")
        .doesNotContain("_hc_lastop");
    assertThat(log.get(1)).isEqualTo("UPDATE NEW \"annualrevenue\"=>\"20\"");
    assertThat(log.get(2)).isEqualTo("UPDATE IGNORE -"); // no column changed
    assertThat(log.get(3)).isEqualTo("DELETE IGNORE -"); // never reached Salesforce
  }

  @Test
  void marksApplicationWritesPendingAndLeavesSyncWritesAlone(TestDatabase db) throws SQLException {
    try (Connection app = db.connect();
        Connection sync = db.connect()) {
      sync.createStatement().execute(SyncSession.MARK);
      int before = count(db, "SELECT count(*) FROM salesforce._trigger_log");
      sync.createStatement()
          .execute(
              "INSERT INTO salesforce.account (sfid, name, _hc_lastop) VALUES ('001000000000001AAA', 'FromSf', 'SYNCED')");
      assertThat(count(db, "SELECT count(*) FROM salesforce._trigger_log")).isEqualTo(before);
      assertThat(
              query(
                  db,
                  "SELECT _hc_lastop FROM salesforce.account WHERE sfid = '001000000000001AAA'"))
          .containsExactly("SYNCED");

      app.createStatement()
          .execute(
              "UPDATE salesforce.account SET name = 'Local' WHERE sfid = '001000000000001AAA'");
      assertThat(
              query(
                  db,
                  "SELECT _hc_lastop FROM salesforce.account WHERE sfid = '001000000000001AAA'"))
          .containsExactly("PENDING");
      assertThat(
              query(
                  db,
                  "SELECT sfid || ' ' || \"values\" FROM salesforce._trigger_log ORDER BY id DESC LIMIT 1"))
          .containsExactly("001000000000001AAA \"name\"=>\"Local\"");
    }
  }

  @Test
  void notifiesTheWriterOnHerokuConnectsChannel(TestDatabase db) throws Exception {
    try (Connection listener = db.connect();
        Connection app = db.connect()) {
      listener.createStatement().execute("LISTEN \"salesforce.hc_trigger_log\"");
      app.createStatement().execute("INSERT INTO salesforce.account (name) VALUES ('Notify me')");
      List<String> got = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                var batch = listener.unwrap(PGConnection.class).getNotifications(100);
                if (batch != null) {
                  for (var n : batch) got.add(n.getName() + ":" + n.getParameter());
                }
                return !got.isEmpty();
              });
      assertThat(got).containsExactly("salesforce.hc_trigger_log:ping");
    }
  }

  @Test
  void worksWithoutPublicOnTheSearchPath(TestDatabase db) throws SQLException {
    try (Connection app = db.connect();
        Statement st = app.createStatement()) {
      st.execute("SET search_path = ''");
      st.execute("INSERT INTO salesforce.account (name) VALUES ('No search path')");
    }
    assertThat(
            query(
                db,
                "SELECT state FROM salesforce._trigger_log WHERE \"values\" LIKE '%No search path%'"))
        .containsExactly("NEW");
  }

  @Test
  void logsReadOnlyChangesAsReadonly(TestDatabase db) throws SQLException {
    db.execute("INSERT INTO salesforce.contact (name) VALUES ('Local edit')");
    assertThat(query(db, "SELECT state FROM salesforce._trigger_log WHERE table_name = 'contact'"))
        .containsExactly("READONLY");
  }

  @Test
  void refusesTruncateOfAReadWriteTableButNotTheSyncsOwn(TestDatabase db) throws SQLException {
    assertThatThrownBy(() -> db.execute("TRUNCATE salesforce.account"))
        .hasMessageContaining("TRUNCATE of salesforce.account is not sent to Salesforce")
        .hasMessageContaining("pgforce reload <Object>");
    try (Connection sync = db.connect();
        Statement st = sync.createStatement()) {
      st.execute(SyncSession.MARK);
      st.execute("TRUNCATE salesforce.contact"); // read-only tables carry no guard
    }
  }

  @Test
  void addingAFieldAddsItsColumnAndReportsIt(TestDatabase db) throws SQLException {
    TableDefinition narrow = widget("Name");
    TableDefinition wider = widget("Name", "NumberOfEmployees");
    try (Connection c = db.connect()) {
      assertThat(new TableInstaller(SCHEMA).ensureTable(c, narrow)).isEmpty();
      List<Column> added = new TableInstaller(SCHEMA).ensureTable(c, wider);
      assertThat(added).extracting(Column::name).containsExactly("numberofemployees");
      assertThat(new TableInstaller(SCHEMA).ensureTable(c, wider)).isEmpty();
    }
  }

  private static TableDefinition widget(String... fields) {
    var mapping =
        new io.pgforce.engine.mapping.Mapping(
            "Widget__c",
            Access.READ_ONLY,
            false,
            600,
            30000,
            List.of(fields),
            Map.of(),
            java.util.Optional.empty());
    var schema = new ObjectSchema("Widget__c", SampleObjects.account().fields());
    return TableDefinition.resolve(mapping, schema, new Problems()).orElseThrow();
  }

  private static TableDefinition definition(Access access, String... fields) {
    return TableDefinition.resolve(
            SampleObjects.mapping(access, fields), SampleObjects.account(), new Problems())
        .orElseThrow();
  }

  private static Map<String, String> columns(TestDatabase db, String table) throws SQLException {
    Map<String, String> cols = new LinkedHashMap<>();
    for (String row :
        query(
            db,
            "SELECT column_name || '|' || data_type FROM information_schema.columns"
                + " WHERE table_schema = 'salesforce' AND table_name = '"
                + table
                + "' ORDER BY ordinal_position")) {
      cols.put(row.split("\\|")[0], row.split("\\|")[1]);
    }
    return cols;
  }

  private static int count(TestDatabase db, String sql) throws SQLException {
    return Integer.parseInt(query(db, sql).get(0));
  }

  private static List<String> query(TestDatabase db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
