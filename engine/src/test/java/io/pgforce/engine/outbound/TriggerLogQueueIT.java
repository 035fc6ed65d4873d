package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.Problems;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.db.SyncSession;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.outbound.WriteOutcome.WriteError;
import io.pgforce.engine.schema.SampleObjects;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.schema.TableInstaller;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithPostgres
class TriggerLogQueueIT {

  private static final SyncSchema SCHEMA = new SyncSchema("salesforce");
  private final TriggerLogQueue queue = new TriggerLogQueue(SCHEMA);
  private final ResultRecorder recorder = new ResultRecorder(SCHEMA);

  @BeforeEach
  void freshSchema(TestDatabase db) throws Exception {
    TableDefinition account =
        TableDefinition.resolve(
                SampleObjects.mapping(Access.READ_WRITE, "Name"),
                SampleObjects.account(),
                new Problems())
            .orElseThrow();
    try (Connection c = db.connect()) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS salesforce CASCADE");
      SCHEMA.install(c);
      new TableInstaller(SCHEMA).ensureTable(c, account);
      new TableInstaller(SCHEMA).ensureIndexes(c, account);
      new TableInstaller(SCHEMA).installTriggers(c, account, true);
    }
  }

  @Test
  void twoWritersNeverClaimTheSameEntry(TestDatabase db) throws Exception {
    db.execute(
        "INSERT INTO salesforce.account (name) SELECT 'n' || g FROM generate_series(1, 500) g");
    List<Long> all =
        claimedByTwoWriters(
            () -> {
              List<Long> mine = new ArrayList<>();
              try (Connection c = sync(db)) {
                List<LogEntry> batch;
                while (!(batch = queue.claim(c, 20)).isEmpty()) {
                  batch.forEach(e -> mine.add(e.id()));
                }
              }
              return mine;
            });

    assertThat(all).hasSize(500);
    assertThat(new HashSet<>(all)).hasSize(500);
    assertThat(query(db, "SELECT DISTINCT state FROM salesforce._trigger_log"))
        .containsExactly("PENDING");
  }

  @Test
  void largeClaimsMarkedInHalvesByTwoWritersTakeEveryEntryOnceInIdOrder(TestDatabase db)
      throws Exception {
    db.execute(
        "INSERT INTO salesforce.account (name) SELECT 'n' || g FROM generate_series(1, 9000) g");
    try (Database database =
        Database.open(
            new DatabaseUrl(
                db.jdbcUrl(), Optional.of(db.user()), Optional.ofNullable(db.password())),
            4)) {
      List<Long> all =
          claimedByTwoWriters(
              () -> {
                List<Long> mine = new ArrayList<>();
                try (ParallelClaim claims = new ParallelClaim(database, queue)) {
                  List<LogEntry> round;
                  while (!(round = claims.claim(3_000, Set.of())).isEmpty()) {
                    assertThat(round).extracting(LogEntry::id).isSorted();
                    round.forEach(e -> mine.add(e.id()));
                  }
                }
                return mine;
              });

      assertThat(all).hasSize(9000).doesNotHaveDuplicates();
      assertThat(query(db, "SELECT DISTINCT state FROM salesforce._trigger_log"))
          .containsExactly("PENDING");
    }
  }

  /** What two writers running {@code writer} at once claimed, together. */
  private static List<Long> claimedByTwoWriters(Callable<List<Long>> writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Long>> a = pool.submit(writer);
      Future<List<Long>> b = pool.submit(writer);
      List<Long> all = new ArrayList<>(a.get());
      all.addAll(b.get());
      return all;
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void anEntryTheWriterCannotReadFailsWithWhatIsWrongAndTheOthersAreClaimed(TestDatabase db)
      throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('first'), ('second'), ('third')");
    // hand-edited entries, as an operator might leave them
    db.execute("UPDATE salesforce._trigger_log SET action = 'MERGE' WHERE record_id = 1");
    db.execute(
        "UPDATE salesforce._trigger_log SET \"values\" = '\"name\"=>\"unterminated' WHERE record_id = 2");
    db.execute("UPDATE salesforce._trigger_log SET created_at = NULL WHERE record_id = 3");
    try (Connection c = sync(db)) {
      List<LogEntry> claimed = queue.claim(c, 10);

      assertThat(claimed).extracting(LogEntry::recordId).containsExactly(3L);
      assertThat(
              query(
                  db,
                  "SELECT concat_ws('|', record_id, state, sf_message) FROM salesforce._trigger_log"
                      + " ORDER BY id"))
          .containsExactly(
              "1|FAILED|UNREADABLE_LOG_ENTRY: action 'MERGE' is not INSERT, UPDATE or DELETE;"
                  + " correct the entry and set its state back to NEW",
              "2|FAILED|UNREADABLE_LOG_ENTRY: \"values\" is not hstore text (a quote is not"
                  + " closed); correct the entry and set its state back to NEW",
              "3|PENDING");
    }
  }

  @Test
  void refreshingStatisticsAsAUserThatDoesNotOwnTheLogIsNotAnError(TestDatabase db)
      throws Exception {
    String role = "pgforce_not_owner_" + db.name(); // roles belong to the cluster, not the database
    db.execute("DROP ROLE IF EXISTS " + role);
    db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'not-owner'");
    try {
      db.execute("GRANT USAGE ON SCHEMA salesforce TO " + role);
      db.execute("GRANT SELECT, UPDATE ON salesforce._trigger_log TO " + role);
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), role, "not-owner")) {
        queue.refreshStatistics(c); // PostgreSQL skips the table with a warning

        assertThat(queue.claim(c, 10)).isEmpty();
      }
    } finally {
      db.execute("DROP OWNED BY " + role);
      db.execute("DROP ROLE " + role);
    }
  }

  @Test
  void claimsInIdOrderAndReadsChangedColumns(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('first')");
    db.execute("UPDATE salesforce.account SET name = 'second'");
    try (Connection c = sync(db)) {
      List<LogEntry> claimed = queue.claim(c, 10);
      assertThat(claimed)
          .extracting(LogEntry::action)
          .containsExactly(LogEntry.Action.INSERT, LogEntry.Action.UPDATE);
      assertThat(claimed.get(1).changedColumns()).containsExactly("name");
      assertThat(claimed.get(0).changedColumns()).contains("name", "id", "sfid");
    }
  }

  @Test
  void recordsSuccessWithoutEchoAndFailureWithItsReason(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('ok'), ('bad')");
    try (Connection c = sync(db)) {
      List<PendingWrite> writes = ChangeMerger.merge(queue.claim(c, 10));
      recorder.record(
          c,
          List.of(
              WriteOutcome.success(writes.get(0), "001000000000001AAA"),
              WriteOutcome.failed(
                  writes.get(1),
                  new WriteError(
                      "REQUIRED_FIELD_MISSING",
                      "Required fields are missing: [Name]",
                      List.of("Name")))));
    }
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', name, sfid, _hc_lastop, _hc_err) FROM salesforce.account ORDER BY id"))
        .containsExactly(
            "ok|001000000000001AAA|INSERTED",
            "bad|FAILED|{\"op\":\"INSERT\",\"src\":\"SFDC\",\"code\":\"REQUIRED_FIELD_MISSING\",\"msg\":\"Required fields are missing: [Name]\",\"fields\":[\"Name\"]}");
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', state, sf_message) FROM salesforce._trigger_log ORDER BY id"))
        .containsExactly(
            "SUCCESS", "FAILED|REQUIRED_FIELD_MISSING: Required fields are missing: [Name]");
  }

  @Test
  void aChangeMadeDuringThePushKeepsTheRowPending(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('v1')");
    try (Connection c = sync(db)) {
      List<PendingWrite> writes = ChangeMerger.merge(queue.claim(c, 10));
      db.execute("UPDATE salesforce.account SET name = 'v2'"); // the application edits mid-push
      recorder.record(c, List.of(WriteOutcome.success(writes.get(0), "001000000000001AAA")));
    }
    assertThat(query(db, "SELECT concat_ws('|', sfid, _hc_lastop) FROM salesforce.account"))
        .containsExactly("001000000000001AAA|PENDING");
  }

  @Test
  void anInsertWhoseEchoArrivedFirstKeepsTheApplicationsRowAndNoCopy(TestDatabase db)
      throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('mine')");
    try (Connection c = sync(db)) {
      List<PendingWrite> writes = ChangeMerger.merge(queue.claim(c, 10));
      // the insert's change event is applied before its result is recorded: a second row
      c.createStatement()
          .execute(
              "INSERT INTO salesforce.account (name, sfid) VALUES ('mine', '001000000000001AAA')");
      db.execute("UPDATE salesforce.account SET name = 'edited' WHERE sfid IS NOT NULL");
      recorder.record(c, List.of(WriteOutcome.success(writes.get(0), "001000000000001AAA")));
    }
    assertThat(query(db, "SELECT concat_ws('|', id, sfid, _hc_lastop) FROM salesforce.account"))
        .containsExactly("1|001000000000001AAA|PENDING"); // its moved edit waits
    assertThat(
            query(
                db,
                "SELECT concat_ws('|', action, record_id, state) FROM salesforce._trigger_log ORDER BY id"))
        .as("the copy's waiting edit now belongs to the application's row")
        .containsExactly("INSERT|1|SUCCESS", "UPDATE|1|NEW");
  }

  @Test
  void anUpdateThatChangesNothingKeepsTheRowsStatus(TestDatabase db) throws Exception {
    try (Connection c = sync(db)) {
      c.createStatement()
          .execute(
              "INSERT INTO salesforce.account (name, sfid, _hc_lastop) VALUES ('same', '001000000000001AAA', 'SYNCED')");
    }
    db.execute("UPDATE salesforce.account SET name = 'same'");
    assertThat(query(db, "SELECT _hc_lastop FROM salesforce.account")).containsExactly("SYNCED");
    assertThat(query(db, "SELECT state FROM salesforce._trigger_log")).containsExactly("IGNORE");
    db.execute("UPDATE salesforce.account SET name = 'changed'");
    assertThat(query(db, "SELECT _hc_lastop FROM salesforce.account")).containsExactly("PENDING");
  }

  @Test
  void aRowDeletedWhileItsInsertIsPushedIsDeletedInSalesforceToo(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('short-lived')");
    try (Connection c = sync(db)) {
      List<PendingWrite> insert = ChangeMerger.merge(queue.claim(c, 10));
      db.execute("DELETE FROM salesforce.account"); // while the insert is being pushed
      recorder.record(c, List.of(WriteOutcome.success(insert.get(0), "001000000000001AAA")));
      List<PendingWrite> next = ChangeMerger.merge(queue.claim(c, 10));
      assertThat(next).singleElement().extracting(PendingWrite::kind).isEqualTo(Kind.DELETE);
      assertThat(next.get(0).sfid()).isEqualTo("001000000000001AAA");
    }
  }

  @Test
  void anUpdateCommittingWhileTheInsertIsRecordedGetsItsSfid(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('new')");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection writer = sync(db);
        Connection app = db.connect()) {
      List<PendingWrite> insert = ChangeMerger.merge(queue.claim(writer, 10));
      app.setAutoCommit(false);
      app.createStatement().execute("UPDATE salesforce.account SET name = 'edited'");
      writer.setAutoCommit(false);
      int writerPid = pid(writer); // asked before the connection is busy on another thread
      Future<?> recording =
          pool.submit(
              () -> {
                recorder.record(
                    writer, List.of(WriteOutcome.success(insert.get(0), "001000000000001AAA")));
                writer.commit();
                return null;
              });
      awaitBlocked(db, writerPid); // the recording waits for the application's transaction
      app.commit();
      recording.get();
      writer.setAutoCommit(true);

      List<PendingWrite> next = ChangeMerger.merge(queue.claim(writer, 10));
      assertThat(next).singleElement().extracting(PendingWrite::kind).isEqualTo(Kind.UPDATE);
      assertThat(next.get(0).sfid()).isEqualTo("001000000000001AAA");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDeleteRacingTheClaimOfItsInsertIsStillPushed(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('short-lived')");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection writer = sync(db);
        Connection app = db.connect()) {
      writer.setAutoCommit(false);
      queue.claim(writer, 10); // not committed yet: the application still sees the insert NEW
      int appPid = pid(app); // asked before the connection is busy on another thread
      Future<?> delete =
          pool.submit(() -> app.createStatement().execute("DELETE FROM salesforce.account"));
      awaitBlocked(db, appPid);
      writer.commit();
      delete.get();

      assertThat(
              query(db, "SELECT action || ' ' || state FROM salesforce._trigger_log ORDER BY id"))
          .containsExactly("INSERT PENDING", "DELETE NEW");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theNextRoundLeavesTheChangesOfRecordsInFlightWaiting(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('in flight'), ('other')");
    try (Connection c = sync(db)) {
      List<LogEntry> inFlight = queue.claim(c, 1);
      db.execute("UPDATE salesforce.account SET name = name || ' edited'");

      List<LogEntry> next =
          queue.claimExcept(
              c, 10, inFlight.stream().map(LogEntry::record).collect(Collectors.toSet()));

      assertThat(next).extracting(LogEntry::recordId).containsOnly(2L);
      assertThat(next).hasSize(2); // the other row's insert and its edit, merged into one write
      assertThat(
              query(
                  db,
                  "SELECT action || ' ' || state FROM salesforce._trigger_log"
                      + " WHERE record_id = 1 ORDER BY id"))
          .containsExactly("INSERT PENDING", "UPDATE NEW");
    }
  }

  @Test
  void refreshingTheStatisticsCountsTheBacklog(TestDatabase db) throws Exception {
    db.execute(
        "INSERT INTO salesforce.account (name) SELECT 'n' || g FROM generate_series(1, 700) g");
    try (Connection c = sync(db)) {
      queue.refreshStatistics(c);
    }
    assertThat(
            query(
                db,
                "SELECT reltuples::int::text FROM pg_class"
                    + " WHERE oid = 'salesforce._trigger_log'::regclass"))
        .containsExactly("700");
  }

  @Test
  void aFailedRoundHandsItsClaimsBack(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('a'), ('b')");
    try (Connection c = sync(db)) {
      List<LogEntry> claimed = queue.claim(c, 10);
      assertThat(queue.release(c, List.of(claimed.get(0).id()))).isEqualTo(1);
      assertThat(query(db, "SELECT state FROM salesforce._trigger_log ORDER BY id"))
          .containsExactly("NEW", "PENDING");
    }
  }

  @Test
  void retriesGoBackToNewAndStaleClaimsAreHandedBack(TestDatabase db) throws Exception {
    db.execute("INSERT INTO salesforce.account (name) VALUES ('locked'), ('orphan')");
    try (Connection c = sync(db)) {
      List<PendingWrite> writes = ChangeMerger.merge(queue.claim(c, 10));
      recorder.record(
          c,
          List.of(
              WriteOutcome.retry(
                  writes.get(0),
                  new WriteError(
                      "UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access", List.of()))));
      assertThat(query(db, "SELECT state FROM salesforce._trigger_log ORDER BY id"))
          .containsExactly("NEW", "PENDING");
      assertThat(queue.requeueStale(c, Duration.ofHours(1))).isZero();
      assertThat(queue.requeueStale(c, Duration.ZERO)).isEqualTo(1);
      assertThat(queue.backlog(c)).isEqualTo(2);
      assertThat(writes.get(1).kind()).isEqualTo(Kind.INSERT);
    }
  }

  private static Connection sync(TestDatabase db) throws Exception {
    Connection c = db.connect();
    c.createStatement().execute(SyncSession.MARK);
    return c;
  }

  private static int pid(Connection c) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Waits until the session {@code pid} waits for a lock another transaction holds. */
  private static void awaitBlocked(TestDatabase db, int pid) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !query(
                        db,
                        "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid = "
                            + pid)
                    .isEmpty());
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
