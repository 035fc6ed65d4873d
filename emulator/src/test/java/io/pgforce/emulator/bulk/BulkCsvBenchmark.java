package io.pgforce.emulator.bulk;

import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.soql.QueryResult;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.testing.TestOrgs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;

/**
 * Measures how fast bulk query results become CSV: loads Account-like rows (twenty columns), runs
 * the query job's query once, then writes every page of 50,000 rows to a stream that discards them,
 * several times over. Reports rows per second of wall time and of this thread's CPU time (the fair
 * figure on a shared machine). Not a test; run it as docs/emulator.md shows:
 *
 * <pre>
 * mvn -q -pl emulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.pgforce.emulator.bulk.BulkCsvBenchmark -Dexec.args=1000000
 * </pre>
 */
public final class BulkCsvBenchmark {

  private static final int PAGE = QueryResultPages.DEFAULT_PAGE;
  private static final int ROUNDS = 5;

  private BulkCsvBenchmark() {}

  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    OrgStore store = TestOrgs.store(Clock.systemUTC());
    AccountRows.load(store, rows);
    QueryResult result = new QueryExecutor(store).execute(AccountRows.SOQL, false);
    QueryResultPages pages = new QueryResultPages(result, store);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= ROUNDS; round++) {
      CountingStream out = new CountingStream();
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      for (int from = 0; from < pages.size(); from += PAGE) {
        pages.write(out, CsvDialect.DEFAULT, from, Math.min(from + PAGE, pages.size()));
      }
      report(
          round,
          rows,
          out.bytes,
          System.nanoTime() - wall,
          threads.getCurrentThreadCpuTime() - cpu);
    }
  }

  private static void report(int round, int rows, long bytes, long wallNanos, long cpuNanos) {
    System.out.printf(
        "round %d: %,d rows, %,d MB in %,d ms wall (%,.0f rows/s), %,d ms CPU (%,.0f rows/s)%n",
        round,
        rows,
        bytes / 1_000_000,
        wallNanos / 1_000_000,
        rows * 1e9 / wallNanos,
        cpuNanos / 1_000_000,
        rows * 1e9 / cpuNanos);
  }
}
