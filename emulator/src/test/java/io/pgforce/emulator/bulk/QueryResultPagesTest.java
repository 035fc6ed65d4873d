package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.soql.QueryResult;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class QueryResultPagesTest {

  @Test
  void aLargePageIsStreamedInSmallWritesWithoutAllocatingPerRow() throws IOException {
    OrgStore store = TestOrgs.store(MutableClock.at("2024-03-01T10:00:00Z"));
    AccountRows.load(store, 20_000);
    QueryResult result = new QueryExecutor(store).execute(AccountRows.SOQL, false);
    QueryResultPages pages = new QueryResultPages(result, store);
    CountingStream out = new CountingStream();

    pages.write(new CountingStream(), CsvDialect.DEFAULT, 0, 5_000);
    long before = allocatedBytes();
    pages.write(out, CsvDialect.DEFAULT, 0, pages.size());
    long allocated = allocatedBytes() - before;

    assertThat(out.newlines).isEqualTo(20_001);
    assertThat(out.bytes).isGreaterThan(4_000_000);
    assertThat(out.largestWrite).isLessThanOrEqualTo(64 * 1024);
    // The page is over 4 MB of CSV; writing it allocates a small fraction of that.
    assertThat(allocated).isLessThan(out.bytes / 10);
  }

  @Test
  void aPageIsTheRangeAskedFor() throws IOException {
    OrgStore store = TestOrgs.store(MutableClock.at("2024-03-01T10:00:00Z"));
    AccountRows.load(store, 30);
    QueryResult result = new QueryExecutor(store).execute("SELECT Id FROM Account", false);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    new QueryResultPages(result, store).write(out, CsvDialect.DEFAULT, 10, 20);

    String[] lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(11);
    assertThat(lines[1]).isEqualTo("\"" + result.records().get(10).id() + "\"");
    assertThat(lines[10]).isEqualTo("\"" + result.records().get(19).id() + "\"");
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
