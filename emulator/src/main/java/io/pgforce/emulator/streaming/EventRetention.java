package io.pgforce.emulator.streaming;

import java.time.Duration;

/**
 * How long change events stay available for replay: Salesforce keeps them 72 hours; the emulator
 * also caps their number, so a long run of bulk loads cannot exhaust the heap (an event takes
 * roughly its JSON size, 0.5 to 1 KB for a typical record).
 *
 * @param maxAge events older than this are dropped
 * @param maxEvents at most this many events are kept, the oldest dropped first
 */
public record EventRetention(Duration maxAge, int maxEvents) {

  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(72);
  public static final int DEFAULT_MAX_EVENTS = 1_000_000;

  public EventRetention {
    if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("maxAge must be positive, got " + maxAge);
    }
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1, got " + maxEvents);
    }
  }

  /** Salesforce's 72 hours, at most a million events. */
  public static EventRetention defaults() {
    return new EventRetention(DEFAULT_MAX_AGE, DEFAULT_MAX_EVENTS);
  }
}
