package io.pgforce.salesforce.streaming;

import io.pgforce.salesforce.error.Backoff;
import java.util.concurrent.ThreadLocalRandom;
import org.cometd.client.BayeuxClient;

/**
 * CometD's reconnect backoff, made exponential with jitter (CometD's own grows linearly), so a
 * Salesforce outage is not met by every client reconnecting in step.
 */
final class ExponentialBackOff implements BayeuxClient.BackOffStrategy {

  private final Backoff backoff;
  private int attempt;
  private long current;

  ExponentialBackOff(Backoff backoff) {
    this.backoff = backoff;
  }

  @Override
  public synchronized long current() {
    return current;
  }

  @Override
  public synchronized long next() {
    current = backoff.delay(attempt++, ThreadLocalRandom.current().nextDouble()).toMillis();
    return current;
  }

  @Override
  public synchronized void reset() {
    attempt = 0;
    current = 0;
  }
}
