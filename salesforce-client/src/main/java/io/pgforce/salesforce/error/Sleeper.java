package io.pgforce.salesforce.error;

import java.time.Duration;

/** Waits between attempts; tests replace it so that no test sleeps. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps with {@link Thread#sleep(long)}, so an interrupt ends the wait. */
  Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
