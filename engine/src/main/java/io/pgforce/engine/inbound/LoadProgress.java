package io.pgforce.engine.inbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far an initial load has come, readable from any thread (the status API, the dashboard) while
 * the loading thread adds to it.
 */
public final class LoadProgress {

  private final Clock clock;
  private final Instant startedAt;
  private final long expected;
  private final AtomicLong rows = new AtomicLong();

  public LoadProgress(Clock clock, long expected) {
    this.clock = clock;
    this.startedAt = clock.instant();
    this.expected = expected;
  }

  public void add(long n) {
    rows.addAndGet(n);
  }

  public long rows() {
    return rows.get();
  }

  public long expected() {
    return expected;
  }

  public Duration elapsed() {
    return Duration.between(startedAt, clock.instant());
  }

  public double rowsPerSecond() {
    double seconds = elapsed().toMillis() / 1000.0;
    return seconds <= 0 ? 0 : rows() / seconds;
  }

  /** Time left at the rate so far; empty until there is a rate to go by. */
  public Optional<Duration> eta() {
    double rate = rowsPerSecond();
    long left = Math.max(0, expected - rows());
    return rate <= 0
        ? Optional.empty()
        : Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
  }

  /** Percentage done, 0 to 100. */
  public int percent() {
    return expected <= 0 ? 100 : (int) Math.min(100, rows() * 100 / expected);
  }
}
