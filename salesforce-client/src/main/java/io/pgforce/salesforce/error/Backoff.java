package io.pgforce.salesforce.error;

import java.time.Duration;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of {@code initial * 2^n},
 * capped at {@code max}. The jitter keeps several clients that failed together from retrying in
 * step.
 *
 * @param initial the base delay of the first retry
 * @param max the longest delay
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 < initial <= max: " + initial + ", " + max);
    }
  }

  /**
   * The delay before retry number {@code attempt} (0 for the first retry).
   *
   * @param jitter a number in [0, 1)
   */
  public Duration delay(int attempt, double jitter) {
    long ceiling = ceilingMillis(attempt);
    return Duration.ofMillis(ceiling / 2 + (long) (jitter * (ceiling - ceiling / 2)));
  }

  private long ceilingMillis(int attempt) {
    long initialMillis = initial.toMillis();
    int shift = Math.min(attempt, 30);
    long grown = initialMillis << shift;
    boolean overflowed = (grown >> shift) != initialMillis;
    return overflowed ? max.toMillis() : Math.min(grown, max.toMillis());
  }
}
