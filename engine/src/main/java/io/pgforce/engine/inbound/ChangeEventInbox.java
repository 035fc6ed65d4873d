package io.pgforce.engine.inbound;

import io.pgforce.engine.Waits;
import io.pgforce.salesforce.streaming.ChangeEvent;
import io.pgforce.salesforce.streaming.ChangeEventListener;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes change events off the streaming thread and applies whatever has arrived in one transaction.
 * Applying each event on its own cost one commit per event (a few hundred a second on an ordinary
 * disk), and held up the streaming thread long enough for the server to give up on the client
 * during a burst.
 *
 * <p>An event counts as delivered to the stream once queued; the replayId saved with the data is
 * what a restart resumes from, so events queued but not applied when the process dies are replayed.
 */
public final class ChangeEventInbox implements ChangeEventListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeEventInbox.class);

  /** Events applied per transaction at most. */
  static final int BATCH = 500;

  /** Events waiting at most; a full inbox makes the stream wait, which bounds memory. */
  private static final int CAPACITY = 10_000;

  /** Tries of a batch the database refuses: about 20 seconds in all. */
  private static final int ATTEMPTS = 8;

  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration MAX_RETRY = Duration.ofSeconds(5);

  private final ChangeEventApplier applier;
  private final BlockingQueue<ChangeEvent> inbox = new LinkedBlockingQueue<>(CAPACITY);
  private final Thread worker;
  private volatile boolean closed;

  public ChangeEventInbox(ChangeEventApplier applier, String name) {
    this.applier = applier;
    this.worker = new Thread(this::drain, "pgforce-cdc-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void onEvent(ChangeEvent event) throws InterruptedException {
    inbox.put(event);
  }

  @Override
  public void onConnected() {
    applier.onConnected();
  }

  @Override
  public void onDisconnected(Throwable cause) {
    applier.onDisconnected(cause);
  }

  @Override
  public void onError(Throwable error) {
    applier.onError(error);
  }

  private void drain() {
    List<ChangeEvent> batch = new ArrayList<>(BATCH);
    while (!closed) {
      try {
        batch.add(inbox.take());
        inbox.drainTo(batch, BATCH - 1);
        applyBatch(batch);
      } catch (InterruptedException e) {
        return; // closed
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Applies a batch, trying again while the database refuses it (a restart takes seconds): events
   * must be applied in order, and one dropped here is not read again by the repair poll once the
   * poll cursor has moved past it. A batch still refused after that asks for a repair poll.
   */
  private void applyBatch(List<ChangeEvent> batch) throws InterruptedException {
    Duration wait = FIRST_RETRY;
    for (int attempt = 1; ; attempt++) {
      try {
        applier.applyAll(batch);
        return;
      } catch (SQLException e) {
        if (closed || attempt == ATTEMPTS) {
          givenUp(batch, e);
          return;
        }
        LOG.warn(
            "event=\"change events not applied, trying again\" events={} retry_in_ms={} error=\"{}\"",
            batch.size(),
            wait.toMillis(),
            e.getMessage());
        Thread.sleep(wait.toMillis()); // backoff while the database comes back
        wait = Waits.doubled(wait, MAX_RETRY);
      } catch (RuntimeException e) {
        givenUp(batch, e);
        return;
      }
    }
  }

  private void givenUp(List<ChangeEvent> batch, Exception e) {
    LOG.warn(
        "event=\"change events not applied, polling instead\" events={} error=\"{}\"",
        batch.size(),
        e.getMessage());
    applier.requestRepair();
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
  }
}
