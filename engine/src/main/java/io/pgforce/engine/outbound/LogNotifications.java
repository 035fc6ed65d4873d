package io.pgforce.engine.outbound;

import io.pgforce.engine.Waits;
import io.pgforce.engine.schema.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the writer when the trigger log notifies: one LISTEN connection, read by its own thread.
 * Notifications are only a hint; the writer also polls, and every (re)connect wakes it too, since
 * notifications sent while the connection was down are lost.
 */
public final class LogNotifications implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LogNotifications.class);
  private static final int READ_TIMEOUT_MS = 500;

  private final Supplier<Connection> connections;
  private final String channel;
  private final Semaphore wakeups = new Semaphore(0);
  private final Thread reader;
  private volatile boolean closed;

  /**
   * @param connections opens a new connection to listen on; called again after a failure
   */
  public LogNotifications(Supplier<Connection> connections, String channel) {
    this.connections = connections;
    this.channel = channel;
    this.reader = new Thread(this::readLoop, "pgforce-listen-" + channel);
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Waits until a notification arrives or {@code max} passes.
   *
   * @return true when woken by a notification (or a reconnect), false on timeout
   */
  public boolean awaitWake(Duration max) throws InterruptedException {
    boolean woken = wakeups.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS);
    wakeups.drainPermits(); // one pass of the writer serves every notification so far
    return woken;
  }

  private void readLoop() {
    Duration backoff = Duration.ofMillis(100);
    while (!closed) {
      try (Connection c = connections.get()) {
        c.createStatement().execute("LISTEN " + Sql.id(channel));
        wakeups.release(); // anything sent while we were not listening is unknown: look
        backoff = Duration.ofMillis(100);
        listen(c.unwrap(PGConnection.class));
      } catch (SQLException | RuntimeException e) {
        if (!closed) {
          LOG.warn(
              "event=\"listen connection lost\" channel={} retry_in_ms={} error=\"{}\"",
              channel,
              backoff.toMillis(),
              e.getMessage());
          sleepQuietly(backoff);
          backoff = Waits.doubled(backoff, Duration.ofSeconds(10));
        }
      }
    }
  }

  private void listen(PGConnection pg) throws SQLException {
    while (!closed) {
      PGNotification[] batch = pg.getNotifications(READ_TIMEOUT_MS);
      if (batch != null && batch.length > 0) {
        wakeups.release();
      }
    }
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    reader.interrupt();
  }
}
