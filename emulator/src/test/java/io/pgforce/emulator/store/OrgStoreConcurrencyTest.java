package io.pgforce.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.testing.TestOrgs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Writers and readers at once: no lost write, no torn read, events in commit order. */
class OrgStoreConcurrencyTest {

  @Test
  void concurrentWritesAndScansStayConsistent() throws Exception {
    OrgStore store = TestOrgs.store(Clock.systemUTC());
    List<ChangeEvent> events = new ArrayList<>();
    store.addChangeListener(events::add);
    DmlOptions options = DmlOptions.asUser(store.identity().userId());
    QueryExecutor queries = new QueryExecutor(store);
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicInteger tornReads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> work = new ArrayList<>();
    for (int writer = 0; writer < 4; writer++) {
      int w = writer;
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 250; i++) {
                  List<RecordInput> batch =
                      List.of(
                          RecordInput.of("Account", Map.of("Name", "w" + w + "-" + i)),
                          RecordInput.of("Account", Map.of("Name", "w" + w + "-" + i + "b")));
                  store
                      .dml()
                      .create(batch, options.withAllOrNone(true))
                      .forEach(r -> ids.add(r.id().orElseThrow()));
                }
              }));
    }
    for (int reader = 0; reader < 2; reader++) {
      work.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  int count = queries.execute("SELECT COUNT() FROM Account", false).totalSize();
                  tornReads.addAndGet(count % 2);
                }
              }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    pool.shutdown();
    assertThat(ids).hasSize(2000);
    assertThat(store.count("Account")).isEqualTo(2000);
    assertThat(tornReads.get()).as("a scan saw half of a two-record transaction").isZero();
    assertThat(events).hasSize(2000);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).commitTimestamp())
          .isAfterOrEqualTo(events.get(i - 1).commitTimestamp());
    }
  }
}
