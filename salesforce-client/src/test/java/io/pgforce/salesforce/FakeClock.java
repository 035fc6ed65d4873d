package io.pgforce.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock tests move by hand: either stopped at an instant ({@link #at}) or following real time
 * ({@link #realTime}); {@link #advance} moves it forward in both cases, so cached state goes stale
 * and retry budgets run out without waiting.
 */
public final class FakeClock extends Clock {

  private final Supplier<Instant> base;
  private volatile Duration offset = Duration.ZERO;

  private FakeClock(Supplier<Instant> base) {
    this.base = base;
  }

  public static FakeClock at(String isoInstant) {
    Instant start = Instant.parse(isoInstant);
    return new FakeClock(() -> start);
  }

  public static FakeClock realTime() {
    return new FakeClock(Instant::now);
  }

  public void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  @Override
  public Instant instant() {
    return base.get().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
