package io.pgforce.engine.inbound;

import io.pgforce.engine.SyncObserver;
import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.db.Database;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.state.ModstampCursor;
import io.pgforce.engine.state.PositionStore;
import io.pgforce.salesforce.SalesforceClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what changed in Salesforce since the cursor and applies it. Each batch commits together
 * with the cursor at its last record, so a crash mid-poll loses nothing and repeats at most one
 * batch (harmlessly: applying a record twice gives the same row).
 */
public final class IncrementalPoller {

  private static final Logger LOG = LoggerFactory.getLogger(IncrementalPoller.class);
  private static final int BATCH = 2000;

  private final SalesforceClient salesforce;
  private final Database db;
  private final RowApplier applier;
  private final PositionStore positions;
  private final Clock clock;
  private final Duration overlap;
  private final Duration settle;
  private final SyncObserver observer;

  public IncrementalPoller(
      SalesforceClient salesforce,
      Database db,
      SyncSchema schema,
      Clock clock,
      Duration overlap,
      Duration settle,
      SyncObserver observer) {
    this.salesforce = salesforce;
    this.db = db;
    this.applier = new RowApplier(schema);
    this.positions = new PositionStore(clock);
    this.clock = clock;
    this.overlap = overlap;
    this.settle = settle;
    this.observer = observer;
  }

  /**
   * Polls once.
   *
   * @return the number of records read
   */
  public long poll(TableDefinition def) throws SQLException {
    String object = def.mapping().objectName();
    ModstampCursor cursor =
        db.inTransaction(c -> positions.cursor(c, object)).orElse(ModstampCursor.START);
    PollWindow window = PollWindow.after(cursor, clock.instant(), overlap, settle);
    long started = System.nanoTime();
    long[] read = {0};
    InitialLoader.Batches.of(
        salesforce.queryAll(window.soql(def.soqlFieldList(), object)).iterator(),
        BATCH,
        batch -> {
          List<InboundRow> rows = batch.stream().map(r -> RecordRows.toRow(def, r)).toList();
          InboundRow last = rows.get(rows.size() - 1);
          db.inTransaction(
              c -> {
                applier.apply(c, def, rows);
                positions.saveCursor(
                    c, object, new ModstampCursor(last.systemModstamp(), last.sfid()));
                return null;
              });
          read[0] += rows.size();
          observer.rowsSynced(object, Direction.INBOUND, rows.size());
          if (last.systemModstamp().isAfter(cursor.systemModstamp())) {
            observer.lag(
                object,
                Direction.INBOUND,
                "poll",
                Duration.between(last.systemModstamp(), clock.instant()));
          }
        });
    db.inTransaction(
        c -> {
          positions.saveCursor(c, object, window.end());
          return null;
        });
    if (read[0] > 0) {
      LOG.info(
          "event=\"{} QUERY SALESFORCE {} rows ({} secs)\" object_type=sync direction=inbound",
          object,
          read[0],
          (System.nanoTime() - started) / 1_000_000 / 1000.0);
    }
    return read[0];
  }
}
