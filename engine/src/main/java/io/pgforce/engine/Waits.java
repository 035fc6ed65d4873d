package io.pgforce.engine;

import java.time.Duration;

/** How the engine's retry loops lengthen their waits. */
public final class Waits {

  private Waits() {}

  /**
   * Twice {@code wait}, but never more than {@code max}: each failure in a row waits longer, so a
   * lasting outage is not hammered, and the cap keeps recovery prompt once it ends.
   */
  public static Duration doubled(Duration wait, Duration max) {
    Duration twice = wait.multipliedBy(2);
    return twice.compareTo(max) > 0 ? max : twice;
  }
}
