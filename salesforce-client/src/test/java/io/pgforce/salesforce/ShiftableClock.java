package io.pgforce.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real time plus a shift a test can grow, to make cached state stale without waiting. */
public final class ShiftableClock extends Clock {

  private volatile Duration shift = Duration.ZERO;

  public void shift(Duration more) {
    shift = shift.plus(more);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(shift);
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
