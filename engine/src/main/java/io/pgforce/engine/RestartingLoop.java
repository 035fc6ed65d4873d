package io.pgforce.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a long-lived loop (the outbound writer) running until it is stopped. The loop handles the
 * failures it expects itself, Salesforce or the database being unavailable; when its run ends while
 * it should still run, a bug or an {@link Error} escaped it. Without a restart that would stop the
 * work for good while everything else still looked healthy, so a fresh loop is started (a new
 * writer first recovers what the old one had claimed).
 *
 * <p>Each restart waits twice as long as the one before, up to {@code maxWait}, so a loop that
 * fails at once neither spins nor floods the log; a run that lasted longer than {@code maxWait}
 * starts the waits over.
 */
public final class RestartingLoop {

  private static final Logger LOG = LoggerFactory.getLogger(RestartingLoop.class);

  /** A loop that runs until it is stopped. */
  public interface Loop extends Runnable {
    /** Asks the loop to end its run soon; called from another thread. */
    void stop();
  }

  private final String name;
  private final Supplier<? extends Loop> start;
  private final Duration firstWait;
  private final Duration maxWait;
  private final Clock clock;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile Loop current;

  /**
   * @param name what the loop is, for the log ("outbound writer")
   * @param start makes a fresh loop, for the first run and for each restart
   */
  public RestartingLoop(
      String name,
      Supplier<? extends Loop> start,
      Duration firstWait,
      Duration maxWait,
      Clock clock) {
    this.name = name;
    this.start = start;
    this.firstWait = firstWait;
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /** Runs loops, one after the other, until {@link #stop()}; returns once stopped. */
  public void run() throws InterruptedException {
    Duration wait = null;
    while (!isStopped()) {
      Loop loop = start.get();
      current = loop;
      if (isStopped()) {
        return; // stop() may have run before this loop was current, and not stopped it
      }
      Instant began = clock.instant();
      Throwable escaped = runOnce(loop);
      if (isStopped()) {
        return;
      }
      wait = nextWait(wait, Duration.between(began, clock.instant()));
      restarts.incrementAndGet();
      LOG.error("event=\"{} ended unexpectedly\" restart_in_secs={}", name, seconds(wait), escaped);
      stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS); // backing off, or stopped meanwhile
    }
  }

  /**
   * The wait before a restart: the first wait at first, and again after a run that lasted longer
   * than the longest wait (that loop was not failing over and over); otherwise twice the last, up
   * to the longest.
   */
  Duration nextWait(Duration last, Duration ran) {
    if (last == null || ran.compareTo(maxWait) > 0) {
      return firstWait;
    }
    return Waits.doubled(last, maxWait);
  }

  /** Stops the loop running now and starts no other. */
  public void stop() {
    stopped.countDown();
    Loop loop = current;
    if (loop != null) {
      loop.stop();
    }
  }

  /** The loop running now (or last run), null before the first has started. */
  public Loop current() {
    return current;
  }

  /** How many times a loop ended on its own and was started again. */
  public int restarts() {
    return restarts.get();
  }

  private boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** What escaped the run, or null when it returned. */
  private static Throwable runOnce(Loop loop) {
    try {
      loop.run();
      return null;
    } catch (RuntimeException | Error e) {
      // an Error too: a writer that died of one (a full heap) is better started again and seen in
      // the log than silently gone
      return e;
    }
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
