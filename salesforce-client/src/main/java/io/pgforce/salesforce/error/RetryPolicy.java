package io.pgforce.salesforce.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries what {@link ErrorClassifier} calls retriable, with exponential backoff and jitter, within
 * a total time budget measured on the injected clock. {@code REQUEST_LIMIT_EXCEEDED} waits on a
 * separate, much longer backoff: the org's limits recover in minutes, not milliseconds.
 */
public final class RetryPolicy {

  /** The default backoff for ordinary transient failures. */
  public static final Backoff DEFAULT_BACKOFF =
      new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15));

  /** The default backoff once the org's request limit is exhausted. */
  public static final Backoff DEFAULT_LIMIT_BACKOFF =
      new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5));

  private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration budget;
  private final Backoff backoff;
  private final Backoff limitBackoff;
  private final DoubleSupplier jitter;

  public RetryPolicy(
      Clock clock,
      Sleeper sleeper,
      Duration budget,
      Backoff backoff,
      Backoff limitBackoff,
      DoubleSupplier jitter) {
    this.clock = clock;
    this.sleeper = sleeper;
    this.budget = budget;
    this.backoff = backoff;
    this.limitBackoff = limitBackoff;
    this.jitter = jitter;
  }

  /** The production policy: real sleeps, random jitter, the default backoffs. */
  public static RetryPolicy standard(Clock clock, Duration budget) {
    return new RetryPolicy(
        clock,
        Sleeper.THREAD_SLEEP,
        budget,
        DEFAULT_BACKOFF,
        DEFAULT_LIMIT_BACKOFF,
        () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  }

  /** The same policy with another budget. */
  public RetryPolicy withBudget(Duration newBudget) {
    return new RetryPolicy(clock, sleeper, newBudget, backoff, limitBackoff, jitter);
  }

  /**
   * Runs {@code action}, retrying while the failure is retriable for this kind of request and the
   * budget lasts; then rethrows the last failure.
   *
   * @param idempotent whether running the request twice is harmless (see {@link Verdict})
   */
  public <T> T call(String what, boolean idempotent, Supplier<T> action) {
    Attempts attempts = start();
    while (true) {
      try {
        return action.get();
      } catch (RuntimeException failure) {
        Verdict verdict = ErrorClassifier.classify(failure);
        if (!verdict.allowsRetryOf(idempotent)
            || !attempts.pause(verdict, what, failure.getMessage())) {
          throw failure;
        }
      }
    }
  }

  /** Starts a budget for a caller that runs its own loop (for example per-record retries). */
  public Attempts start() {
    return new Attempts(clock.instant().plus(budget));
  }

  /** One retry budget: how many pauses were taken and when the budget ends. */
  public final class Attempts {
    private final Instant deadline;
    private int retries;

    private Attempts(Instant deadline) {
      this.deadline = deadline;
    }

    /**
     * Waits before the next attempt, or returns false when the wait would end past the budget.
     *
     * @throws CancellationException when the thread is interrupted while waiting (the interrupt
     *     flag stays set)
     */
    public boolean pause(Verdict verdict, String what, String reason) {
      Backoff chosen = verdict == Verdict.RETRY_AFTER_LONG_BACKOFF ? limitBackoff : backoff;
      Duration delay = chosen.delay(retries, jitter.getAsDouble());
      if (clock.instant().plus(delay).isAfter(deadline)) {
        return false;
      }
      retries++;
      log.warn("{} failed ({}); retry {} in {} ms", what, reason, retries, delay.toMillis());
      sleep(delay);
      return true;
    }

    /** How many retries this budget has paid for so far. */
    public int retries() {
      return retries;
    }

    private void sleep(Duration delay) {
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting to retry");
      }
    }
  }
}
