package io.pgforce.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Learns when each numbered change is committed in Postgres: a trigger on the mapped table sends
 * the row's NumberOfEmployees (the change's number) with NOTIFY, which PostgreSQL delivers at
 * commit. Changes are numbered by {@link #next}, which also notes when each was sent.
 */
final class CommitWatcher implements AutoCloseable {

  private static final String CHANNEL = "bench_commits";

  private final Connection listening;
  private final Map<Long, Long> sentNanos = new ConcurrentHashMap<>();
  private final Map<Long, Long> committedNanos = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong(1_000_000);
  private final Thread reader;
  private volatile boolean closed;

  private CommitWatcher(Connection listening) {
    this.listening = listening;
    this.reader = new Thread(this::read, "bench-commit-watcher");
    reader.setDaemon(true);
    reader.start();
  }

  static CommitWatcher start(BenchDatabase db) throws SQLException {
    db.test.execute(
        """
        CREATE FUNCTION salesforce.bench_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('%s', NEW.numberofemployees::text); RETURN NULL; END $$;
        CREATE TRIGGER bench_commit AFTER UPDATE ON salesforce.account FOR EACH ROW
          WHEN (NEW.numberofemployees IS DISTINCT FROM OLD.numberofemployees)
          EXECUTE FUNCTION salesforce.bench_commit();"""
            .formatted(CHANNEL));
    Connection c = db.test.connect();
    c.createStatement().execute("LISTEN " + CHANNEL);
    return new CommitWatcher(c);
  }

  /** A new change number, noting now as the time it is sent. */
  long next() {
    long seq = sequence.incrementAndGet();
    sentNanos.put(seq, System.nanoTime());
    return seq;
  }

  private void read() {
    try {
      PGConnection pg = listening.unwrap(PGConnection.class);
      while (!closed) {
        PGNotification[] batch = pg.getNotifications(100);
        long now = System.nanoTime();
        for (PGNotification n : batch == null ? new PGNotification[0] : batch) {
          committedNanos.putIfAbsent(Long.parseLong(n.getParameter()), now);
        }
      }
    } catch (SQLException e) {
      if (!closed) {
        throw new IllegalStateException("lost the benchmark's LISTEN connection", e);
      }
    }
  }

  /** Waits until every change in {@code seqs} is committed, checking every 20 ms. */
  void awaitAll(List<Long> seqs, Duration max) throws Exception {
    OutboundScenario.waitFor(() -> seqs.stream().allMatch(committedNanos::containsKey), max);
  }

  List<Double> lagsMillis(List<Long> seqs) {
    List<Double> lags = new ArrayList<>(seqs.size());
    for (long seq : seqs) {
      lags.add((committedNanos.get(seq) - sentNanos.get(seq)) / 1e6);
    }
    return lags;
  }

  long lastCommitNanos(List<Long> seqs) {
    return seqs.stream().mapToLong(committedNanos::get).max().orElseThrow();
  }

  @Override
  public void close() throws SQLException {
    closed = true;
    listening.close();
  }
}
