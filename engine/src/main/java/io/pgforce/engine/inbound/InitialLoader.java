package io.pgforce.engine.inbound;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.engine.schema.TableInstaller;
import io.pgforce.engine.state.LoadStore;
import io.pgforce.engine.state.ModstampCursor;
import io.pgforce.engine.state.PositionStore;
import io.pgforce.salesforce.SalesforceClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot phase of a mapping: every record of the object, in one transaction with the polling
 * cursor it hands over. Large objects come through a Bulk API 2.0 query whose CSV pages stream
 * straight into COPY; small ones through REST. An interrupted load rolls back whole and starts
 * again from empty, so it can never leave duplicates or a partial table behind.
 */
public final class InitialLoader {

  private static final Logger LOG = LoggerFactory.getLogger(InitialLoader.class);
  private static final int REST_BATCH = 2000;

  private final SalesforceClient salesforce;
  private final Database db;
  private final SyncSchema schema;
  private final Clock clock;
  private final long bulkThreshold;

  public InitialLoader(
      SalesforceClient salesforce,
      Database db,
      SyncSchema schema,
      Clock clock,
      long bulkThreshold) {
    this.salesforce = salesforce;
    this.db = db;
    this.schema = schema;
    this.clock = clock;
    this.bulkThreshold = bulkThreshold;
  }

  /** Counts the object's records, to choose the load path and show progress against. */
  public long count(TableDefinition def) {
    return salesforce.count("SELECT COUNT() FROM " + def.mapping().objectName());
  }

  /**
   * Loads the table from empty; the progress object is updated as rows arrive.
   *
   * @return the number of rows loaded
   */
  public long load(TableDefinition def, LoadProgress progress) throws SQLException {
    String object = def.mapping().objectName();
    boolean bulk = progress.expected() > bulkThreshold;
    // Changes made while the load runs may or may not be in the snapshot; polling from the load's
    // start (minus its overlap) picks up whichever were not.
    Instant startedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    LoadStore loads = new LoadStore(clock);
    db.inTransaction(
        c -> {
          loads.started(c, object, bulk ? "BULK" : "REST", progress.expected());
          return null;
        });
    long rows =
        db.inTransaction(
            c -> {
              clear(c, def);
              long n = bulk ? viaBulk(c, def, progress) : viaRest(c, def, progress);
              new TableInstaller(schema).ensureIndexes(c, def);
              new PositionStore(clock).saveCursor(c, object, new ModstampCursor(startedAt, ""));
              loads.done(c, object, n);
              return n;
            });
    LOG.info(
        "event=\"{} LOAD {} rows ({} secs)\" object_type=load method={} rows_per_sec={}",
        object,
        rows,
        progress.elapsed().toMillis() / 1000.0,
        bulk ? "bulk" : "rest",
        (long) progress.rowsPerSecond());
    return rows;
  }

  private void clear(Connection c, TableDefinition def) throws SQLException {
    // DELETE, not TRUNCATE: readers keep seeing the old rows until the new ones commit.
    c.createStatement().execute("DELETE FROM " + schema.table(def.table()));
  }

  private long viaBulk(Connection c, TableDefinition def, LoadProgress progress) {
    CopyLoader copy = new CopyLoader(schema);
    String soql = "SELECT " + def.soqlFieldList() + " FROM " + def.mapping().objectName();
    return salesforce
        .bulk()
        .query(
            soql,
            false,
            page -> {
              progress.add(copy.copyPage(c, def, page));
              ProgressLog.maybeLog(def.mapping().objectName(), progress);
            });
  }

  private long viaRest(Connection c, TableDefinition def, LoadProgress progress)
      throws SQLException {
    RowApplier applier = new RowApplier(schema);
    new TableInstaller(schema).ensureIndexes(c, def); // upserts need the unique sfid index
    String soql = "SELECT " + def.soqlFieldList() + " FROM " + def.mapping().objectName();
    long[] total = {0};
    Batches.of(
        salesforce.query(soql).iterator(),
        REST_BATCH,
        batch -> {
          applier.apply(c, def, batch.stream().map(r -> RecordRows.toRow(def, r)).toList());
          total[0] += batch.size();
          progress.add(batch.size());
        });
    return total[0];
  }

  /** Cuts an iterator into lists; the consumer may throw SQLException. */
  static final class Batches {
    private Batches() {}

    static <T> void of(Iterator<T> it, int size, SqlConsumer<List<T>> consumer)
        throws SQLException {
      List<T> batch = new java.util.ArrayList<>(size);
      while (it.hasNext()) {
        batch.add(it.next());
        if (batch.size() == size) {
          consumer.accept(batch);
          batch = new java.util.ArrayList<>(size);
        }
      }
      if (!batch.isEmpty()) {
        consumer.accept(batch);
      }
    }
  }

  /** A consumer that may fail with SQLException. */
  @FunctionalInterface
  interface SqlConsumer<T> {
    void accept(T value) throws SQLException;
  }
}
