package io.pgforce.emulator.seed;

import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.soql.QueryResult;
import io.pgforce.emulator.store.IdGenerator;
import io.pgforce.emulator.store.OrgIdentity;
import io.pgforce.emulator.store.OrgStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Measures what a large org costs: seeds it, then reports the seeding time, the heap the records
 * hold after a full collection, and how long an incremental poll over the SystemModstamp index
 * takes. The figures in docs/emulator.md come from here:
 *
 * <pre>java -Xmx2g -cp app/target/pgforce.jar io.pgforce.emulator.seed.HeapFootprint 1000000
 * accounts</pre>
 *
 * <p>The second argument is {@code accounts} (Accounts only) or {@code related} (Accounts, Contacts
 * and Opportunities, 1:2:1, as {@code --seed-records}).
 */
public final class HeapFootprint {

  private HeapFootprint() {}

  public static void main(String[] args) {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean related = args.length > 1 && args[1].equals("related");
    long before = usedHeap();
    OrgStore store =
        new OrgStore(
            OrgSchema.standard(),
            Clock.systemUTC(),
            new OrgIdentity(
                IdGenerator.fixed("00D", 1),
                "Footprint",
                IdGenerator.fixed("005", 1),
                "admin@pgforce.local"));
    Seeder seeder = new Seeder(store, 1);
    SeedSummary seeded = related ? seeder.seedRecords(records) : seeder.seed(records, 0, 0);
    long after = usedHeap();
    System.out.printf(
        "Seeded %,d records (%,d Accounts, %,d Contacts, %,d Opportunities)" + " in %.1f s%n",
        seeded.total(),
        seeded.accounts(),
        seeded.contacts(),
        seeded.opportunities(),
        seeded.elapsed().toMillis() / 1000.0);
    System.out.printf(
        "Heap held by the records: %,d MB (%,d bytes a record); max heap %,d MB%n",
        (after - before) >> 20,
        (after - before) / Math.max(1, seeded.total()),
        Runtime.getRuntime().maxMemory() >> 20);
    poll(store);
  }

  private static void poll(OrgStore store) {
    Instant since = store.now().minus(Duration.ofDays(1));
    String soql =
        "SELECT Id, Name, SystemModstamp FROM Account WHERE SystemModstamp > "
            + since
            + " ORDER BY SystemModstamp, Id LIMIT 2000";
    QueryExecutor queries = new QueryExecutor(store);
    queries.execute(soql, true);
    long started = System.nanoTime();
    QueryResult result = queries.execute(soql, true);
    System.out.printf(
        "Poll of the last day (%d rows, SystemModstamp index): %.1f ms%n",
        result.totalSize(), (System.nanoTime() - started) / 1e6);
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
