package io.pgforce.app.convergence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * When each fault strikes, by operation count: every cycle of operations gets each kind of fault
 * once, at a seeded random point of its own stretch of the cycle, so a short run meets them all and
 * a long one meets them many times.
 */
final class FaultSchedule {

  /** A fault due once {@code atOperation} operations have been started. */
  record Planned(int atOperation, Fault fault, int strength) {}

  private static final List<Fault> CYCLE =
      List.of(
          Fault.COLLECTIONS_503,
          Fault.LATENCY,
          Fault.UNABLE_TO_LOCK_ROW,
          Fault.EXPIRED_SESSIONS,
          Fault.LATENCY_END,
          Fault.DROPPED_STREAMING,
          Fault.GAP_EVENTS,
          Fault.ENGINE_KILLED,
          Fault.QUERY_503,
          Fault.POSTGRES_RESTARTED,
          Fault.OVERFLOW);

  private final List<Planned> planned;

  private FaultSchedule(List<Planned> planned) {
    this.planned = planned;
  }

  /**
   * Faults for {@code operations} operations in cycles of {@code cycleLength}; the last tenth of
   * the run is left calm, so the end is about recovery, not about the last fault.
   */
  static FaultSchedule plan(Random random, int operations, int cycleLength) {
    int calmFrom = operations - operations / 10;
    List<Planned> out = new ArrayList<>();
    for (int cycleStart = 0; cycleStart < calmFrom; cycleStart += cycleLength) {
      int slot = cycleLength / CYCLE.size();
      for (int i = 0; i < CYCLE.size(); i++) {
        int at = cycleStart + i * slot + random.nextInt(Math.max(1, slot));
        if (at < calmFrom) {
          out.add(new Planned(at, CYCLE.get(i), 2 + random.nextInt(7)));
        }
      }
    }
    out.sort(Comparator.comparingInt(Planned::atOperation));
    return new FaultSchedule(List.copyOf(out));
  }

  List<Planned> planned() {
    return planned;
  }
}
