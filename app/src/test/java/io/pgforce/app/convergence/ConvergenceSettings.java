package io.pgforce.app.convergence;

import java.time.Duration;

/**
 * How big and how fast a run is, from system properties so one command runs it at scale: {@code
 * -Dconvergence.ops=100000 -Dconvergence.seed=42 -Dconvergence.rate=200}. The defaults are the size
 * the normal test run can afford.
 *
 * @param seed drives every random choice of the run: operations, values, fault points
 * @param operations operations started over both sides together
 * @param rate operations per second over both sides (load shape, not a wait for sync)
 * @param cdc which mappings follow Change Data Capture: {@code mixed} (the default: Account and
 *     Opportunity by CDC, Contact by polling), {@code on} or {@code off}
 * @param faultCycle every this many operations, each kind of fault strikes once
 * @param window writes this close to a record's last write count as concurrent with it
 */
record ConvergenceSettings(
    long seed, int operations, int rate, String cdc, int faultCycle, Duration window) {

  static ConvergenceSettings fromSystemProperties() {
    return new ConvergenceSettings(
        Long.getLong("convergence.seed", 1),
        Integer.getInteger("convergence.ops", 2500),
        Integer.getInteger("convergence.rate", 45),
        System.getProperty("convergence.cdc", "mixed"),
        Integer.getInteger("convergence.fault-cycle", 2500),
        Duration.ofSeconds(Long.getLong("convergence.window-seconds", 10)));
  }

  /** Whether a mapping follows Change Data Capture: in a mixed run Account and Opportunity do. */
  boolean cdcFor(MappedObject o) {
    return switch (cdc) {
      case "on" -> true;
      case "off" -> false;
      default -> o != MappedObject.CONTACT;
    };
  }
}
