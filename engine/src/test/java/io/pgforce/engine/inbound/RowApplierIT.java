package io.pgforce.engine.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.Problems;
import io.pgforce.engine.db.SyncSession;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.schema.SampleObjects;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.schema.TableInstaller;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithPostgres
class RowApplierIT {

  private static final SyncSchema SCHEMA = new SyncSchema("salesforce");
  private static final TableDefinition ACCOUNT =
      TableDefinition.resolve(
              SampleObjects.mapping(Access.READ_WRITE, "Name", "AnnualRevenue"),
              SampleObjects.account(),
              new Problems())
          .orElseThrow();
  private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");

  private final RowApplier applier = new RowApplier(SCHEMA);

  @BeforeEach
  void freshTable(TestDatabase db) throws Exception {
    io.pgforce.engine.state.EngineState.migrate(db.dataSource()); // conflicts are recorded there
    db.execute("DELETE FROM pgforce.conflict");
    try (Connection c = sync(db)) {
      SCHEMA.install(c);
      c.createStatement().execute("DROP TABLE IF EXISTS salesforce.account");
      c.createStatement().execute("DELETE FROM salesforce._trigger_log"); // other tests' entries
      new TableInstaller(SCHEMA).ensureTable(c, ACCOUNT);
      new TableInstaller(SCHEMA).ensureIndexes(c, ACCOUNT);
      new TableInstaller(SCHEMA).installTriggers(c, ACCOUNT, true);
    }
  }

  @Test
  void upsertsBySfidAndIsIdempotent(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "Acme", "10.5")));
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "Acme", "10.5")));
      applier.apply(c, ACCOUNT, List.of(row("001A", T1.plusSeconds(1), "Acme Corp", null)));
    }
    assertThat(rows(db)).containsExactly("001A|false|2026-01-01 10:00:01|Acme Corp|null");
  }

  @Test
  void neverMovesARowBackInTime(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1.plusSeconds(5), "Newer", "1")));
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "Older", "2")));
    }
    assertThat(rows(db)).containsExactly("001A|false|2026-01-01 10:00:05|Newer|1");
  }

  @Test
  void leavesRowsWithAWaitingLocalChangeAndMarksPushedRowsSynced(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", null), row("001B", T1, "B", null)));
    }
    db.execute("UPDATE salesforce.account SET name = 'local edit' WHERE sfid = '001A'");
    try (Connection c = sync(db)) {
      c.createStatement()
          .execute("UPDATE salesforce.account SET _hc_lastop = 'UPDATED' WHERE sfid = '001B'");
      applier.apply(
          c,
          ACCOUNT,
          List.of(
              row("001A", T1.plusSeconds(1), "remote edit", null),
              row("001B", T1.plusSeconds(1), "B2", null)));
    }
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', sfid, name, _hc_lastop) FROM salesforce.account ORDER BY sfid"))
        .containsExactly("001A|local edit|PENDING", "001B|B2|SYNCED");
  }

  @Test
  void aLaterSalesforceChangeWinsOnlyTheFieldsLocallyChangedBeforeIt(TestDatabase db)
      throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", null)));
    }
    db.execute("DELETE FROM salesforce._trigger_log"); // other tests' entries
    db.execute("UPDATE salesforce.account SET name = 'older than the remote change'");
    db.execute("UPDATE salesforce.account SET annualrevenue = 1");
    Instant remoteAt = T1.plusSeconds(3600);
    db.execute(
        "UPDATE salesforce._trigger_log SET created_at = CASE WHEN id = (SELECT min(id) FROM"
            + " salesforce._trigger_log) THEN '%s'::timestamptz ELSE '%s'::timestamptz END"
                .formatted(remoteAt.minusSeconds(60), remoteAt.plusSeconds(30)));
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", remoteAt, "remote", "5")));
    }
    // the name goes to Salesforce's later edit; the revenue to the local edit, later still
    assertThat(query(db, "SELECT state FROM salesforce._trigger_log ORDER BY id"))
        .containsExactly("IGNORED", "NEW");
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', name, annualrevenue, _hc_lastop) FROM salesforce.account"))
        .containsExactly("remote|1|PENDING");
    assertThat(query(db, "SELECT winner FROM pgforce.conflict ORDER BY winner"))
        .containsExactly("LOCAL", "SALESFORCE");
  }

  @Test
  void aLaterSalesforceChangeWinningAFieldOnTheWireIsPutBackAfterThePush(TestDatabase db)
      throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", null)));
    }
    db.execute("DELETE FROM salesforce._trigger_log");
    db.execute("UPDATE salesforce.account SET name = 'local'");
    db.execute("UPDATE salesforce._trigger_log SET state = 'PENDING'"); // being pushed
    Instant remoteAt = Instant.now().plusSeconds(3600);
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", remoteAt, "remote", null)));
    }
    // the push lands 'local' after Salesforce's later 'remote': a new entry pushes 'remote' again,
    // dated before that change, so no later Salesforce change loses to it
    assertThat(query(db, "SELECT state FROM salesforce._trigger_log ORDER BY id"))
        .containsExactly("PENDING", "NEW");
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', action, sfid, old, \"values\", created_at < '%s')"
                        .formatted(remoteAt)
                    + " FROM salesforce._trigger_log WHERE state = 'NEW'"))
        .containsExactly("UPDATE|001A|\"name\"=>\"local\"|\"name\"=>\"remote\"|t");
    assertThat(query(db, "SELECT name || '|' || _hc_lastop FROM salesforce.account"))
        .containsExactly("remote|PENDING");
  }

  @Test
  void aPolledFieldSalesforceDidNotChangeLeavesTheLocalEditAlone(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", "2")));
    }
    db.execute("DELETE FROM salesforce._trigger_log"); // other tests' entries
    db.execute("UPDATE salesforce.account SET annualrevenue = 1");
    try (Connection c = sync(db)) {
      // much later, and with the revenue Salesforce had before the local edit: no conflict
      applier.apply(c, ACCOUNT, List.of(row("001A", T1.plusSeconds(7200), "renamed", "2.0")));
    }
    assertThat(query(db, "SELECT state FROM salesforce._trigger_log")).containsExactly("NEW");
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', name, annualrevenue, _hc_lastop) FROM salesforce.account"))
        .containsExactly("renamed|1|PENDING");
    assertThat(query(db, "SELECT count(*) FROM pgforce.conflict")).containsExactly("0");
  }

  @Test
  void aLocalEditCommittingWhileARecordIsAppliedIsKept(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", "2")));
    }
    db.execute("UPDATE salesforce.account SET name = 'local'"); // the row waits to be pushed
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection app = db.connect();
        Connection sync = sync(db)) {
      app.setAutoCommit(false);
      app.createStatement().execute("UPDATE salesforce.account SET annualrevenue = 1");
      sync.setAutoCommit(false);
      Future<?> applying =
          pool.submit(
              () -> {
                applier.apply(sync, ACCOUNT, List.of(row("001A", T1.plusSeconds(10), "A", "2")));
                sync.commit();
                return null;
              });
      Awaitility.await() // the record waits for the application's transaction
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  !query(db, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
                      .isEmpty());
      app.commit();
      applying.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', name, annualrevenue, _hc_lastop) FROM salesforce.account"))
        .containsExactly("local|1|PENDING");
  }

  @Test
  void aRecordWhoseLocalDeleteWaitsIsNotReadBackIn(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", null), row("001B", T1, "B", null)));
    }
    db.execute("DELETE FROM salesforce.account"); // both deletes wait to be pushed
    db.execute("UPDATE salesforce._trigger_log SET state = 'PENDING' WHERE sfid = '001B'");
    try (Connection c = sync(db)) {
      applier.apply(
          c,
          ACCOUNT,
          List.of(
              row("001A", T1.plusSeconds(1), "A again", null),
              row("001B", T1.plusSeconds(1), "B again", null),
              row("001C", T1.plusSeconds(1), "C", null)));
    }
    assertThat(query(db, "SELECT sfid FROM salesforce.account")).containsExactly("001C");
  }

  @Test
  void removesDeletedRecordsAndLogsNothing(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      applier.apply(c, ACCOUNT, List.of(row("001A", T1, "A", null), row("001B", T1, "B", null)));
      applier.apply(
          c, ACCOUNT, List.of(new InboundRow("001A", true, T1.plusSeconds(1), List.of())));
    }
    assertThat(rows(db)).containsExactly("001B|false|2026-01-01 10:00:00|B|null");
    assertThat(query(db, "SELECT count(*) FROM salesforce._trigger_log WHERE action = 'DELETE'"))
        .containsExactly("0");
  }

  @Test
  void copiesBulkCsvPagesAsSalesforceSendsThem(TestDatabase db) throws Exception {
    String page =
        "\"Id\",\"IsDeleted\",\"SystemModstamp\",\"Name\",\"AnnualRevenue\"\n"
            + "\"001A\",\"false\",\"2026-01-01T10:00:00.000Z\",\"Acme, \"\"the\"\" company\",\"\"\n"
            + "\"001B\",\"false\",\"2026-01-01T10:00:01.000Z\",\"Line\nbreak\",\"12.5\"\n";
    try (Connection c = sync(db)) {
      long copied =
          new CopyLoader(SCHEMA)
              .copyPage(
                  c, ACCOUNT, new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
      assertThat(copied).isEqualTo(2);
    }
    assertThat(rows(db))
        .containsExactly(
            "001A|false|2026-01-01 10:00:00|Acme, \"the\" company|null",
            "001B|false|2026-01-01 10:00:01|Line\nbreak|12.5");
  }

  private static InboundRow row(String sfid, Instant modstamp, String name, String revenue) {
    return new InboundRow(
        sfid, false, modstamp, Arrays.asList(sfid, "false", modstamp.toString(), name, revenue));
  }

  private static Connection sync(TestDatabase db) throws Exception {
    Connection c = db.connect();
    c.createStatement().execute(SyncSession.MARK);
    return c;
  }

  private static List<String> rows(TestDatabase db) throws Exception {
    return query(
        db,
        "SELECT concat_ws('|', sfid, isdeleted::text, systemmodstamp, name, coalesce(annualrevenue::text, 'null'))"
            + " FROM salesforce.account ORDER BY sfid");
  }

  private static List<String> query(TestDatabase db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
