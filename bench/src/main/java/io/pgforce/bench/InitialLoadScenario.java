package io.pgforce.bench;

import io.pgforce.engine.inbound.InitialLoader;
import io.pgforce.engine.inbound.LoadProgress;
import io.pgforce.engine.mapping.Access;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.IndexDefinition;
import io.pgforce.engine.schema.Sql;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Initial load of N Account rows from the emulator through Bulk API 2.0 into Postgres, against the
 * physical limit: a raw COPY of the very same rows into a table of the same shape, with the same
 * indexes built after, measured in the same run on the same server.
 */
final class InitialLoadScenario {

  static final List<String> FIELDS =
      List.of(
          "CreatedDate",
          "LastModifiedDate",
          "Name",
          "Type",
          "Industry",
          "Rating",
          "BillingStreet",
          "BillingCity",
          "BillingState",
          "BillingPostalCode",
          "BillingCountry",
          "Phone",
          "Website",
          "AnnualRevenue",
          "NumberOfEmployees",
          "OwnerId",
          "CreatedById");

  /** One size's figures: medians over the runs, with the spread. */
  record Result(
      int rows, List<Double> pgforceSeconds, List<Double> copySeconds, List<Double> peakHeapMb) {
    /**
     * The median of each run's ratio: a run's load is compared with the COPY of the same run, on
     * the machine as it was then, not with another run's.
     */
    double ratio() {
      List<Double> ratios = new java.util.ArrayList<>();
      for (int i = 0; i < pgforceSeconds.size(); i++) {
        ratios.add(pgforceSeconds.get(i) / copySeconds.get(i));
      }
      return Stats.median(ratios);
    }

    double rowsPerSecond() {
      return rows / Stats.median(pgforceSeconds);
    }
  }

  static Result run(int rows, int runs) throws Exception {
    Mapping mapping =
        new Mapping(
            "Account", Access.READ_ONLY, false, 600, 30000, FIELDS, Map.of(), Optional.empty());
    List<Double> pgforce = new ArrayList<>();
    List<Double> copy = new ArrayList<>();
    List<Double> heap = new ArrayList<>();
    try (RemoteOrg org = RemoteOrg.start(rows, "6g")) {
      for (int i = 0; i < runs; i++) {
        try (BenchDatabase db = BenchDatabase.create(org.client, mapping)) {
          resetPeaks();
          long t0 = System.nanoTime();
          InitialLoader loader =
              new InitialLoader(org.client, db.db, BenchDatabase.SCHEMA, Clock.systemUTC(), 0);
          long loaded = loader.load(db.table, new LoadProgress(Clock.systemUTC(), rows));
          pgforce.add((System.nanoTime() - t0) / 1e9);
          heap.add(peakHeapMb());
          if (loaded != rows) {
            throw new IllegalStateException("loaded " + loaded + " rows, expected " + rows);
          }
          copy.add(rawCopySeconds(db));
        }
      }
    }
    return new Result(rows, pgforce, copy, heap);
  }

  /**
   * COPY the same rows, exported beforehand, into a same-shaped table, then build the same indexes.
   */
  private static double rawCopySeconds(BenchDatabase db) throws Exception {
    String columns =
        db.table.columns().stream()
            .map(Column::name)
            .map(Sql::id)
            .collect(Collectors.joining(", "));
    Path csv = Files.createTempFile("pgforce-bench", ".csv");
    try (Connection c = db.db.connection()) {
      PGConnection pg = c.unwrap(PGConnection.class);
      try (OutputStream out = Files.newOutputStream(csv)) {
        pg.getCopyAPI()
            .copyOut(
                "COPY (SELECT "
                    + columns
                    + " FROM salesforce.account) TO STDOUT (FORMAT csv, HEADER true, FORCE_QUOTE *)",
                out);
      }
      c.createStatement()
          .execute(
              "CREATE TABLE salesforce.account_copy (LIKE salesforce.account INCLUDING DEFAULTS)");
      c.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (InputStream in = Files.newInputStream(csv)) {
        pg.getCopyAPI()
            .copyIn(
                "COPY salesforce.account_copy ("
                    + columns
                    + ") FROM STDIN (FORMAT csv, HEADER true, FORCE_NULL ("
                    + columns
                    + "))",
                in,
                1 << 16);
      }
      for (IndexDefinition index : db.table.indexes()) {
        c.createStatement()
            .execute(
                new IndexDefinition("account_copy", index.column(), index.unique())
                    .createSql("salesforce"));
      }
      c.commit();
      return (System.nanoTime() - t0) / 1e9;
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since the reset: an upper bound of the heap the load used. */
  private static double peakHeapMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .mapToLong(p -> p.getPeakUsage().getUsed())
            .sum()
        / 1024.0
        / 1024.0;
  }
}
