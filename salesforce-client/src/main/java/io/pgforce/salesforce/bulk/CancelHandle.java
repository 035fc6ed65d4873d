package io.pgforce.salesforce.bulk;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets another thread stop a bulk job: {@link #cancel()} wakes the job's thread from its wait, the
 * job is aborted in Salesforce, and the call ends with a {@link CancellationException}.
 * Interrupting the job's thread has the same effect.
 */
public final class CancelHandle {

  private final CountDownLatch cancelled = new CountDownLatch(1);

  public void cancel() {
    cancelled.countDown();
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /** A handle nobody cancels, for callers that rely on interrupts alone. */
  public static CancelHandle none() {
    return new CancelHandle();
  }

  /**
   * Waits, ending early on cancel or interrupt.
   *
   * @throws CancellationException when cancelled or interrupted (the interrupt flag stays set)
   */
  void pause(Duration duration) {
    try {
      if (cancelled.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CancellationException("bulk job cancelled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("bulk job interrupted");
    }
  }

  /** Throws when cancelled or when the thread was interrupted. */
  void check() {
    if (isCancelled()) {
      throw new CancellationException("bulk job cancelled");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("bulk job interrupted");
    }
  }
}
