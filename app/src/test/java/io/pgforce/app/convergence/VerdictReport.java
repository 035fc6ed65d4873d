package io.pgforce.app.convergence;

import io.pgforce.app.convergence.Verdict.Kind;
import java.util.List;

/** The verdict as text: the one line the issue asks for, and the details behind it. */
final class VerdictReport {

  private VerdictReport() {}

  static String line(
      ConvergenceSettings settings,
      int operations,
      int faults,
      Verdict v,
      Snapshot snapshot,
      RestartablePostgres pg,
      EngineProcess engine,
      boolean quiesced,
      long beganNanos) {
    long records = snapshot.postgres().values().stream().mapToLong(List::size).sum();
    return ("convergence seed=%d ops=%d faults=%d lost=%d duplicated=%d divergent=%d"
            + " resurrected=%d lww=%d failed=%d waiting=%d conflicts=%d records=%d"
            + " cdc=%s engine-starts=%d pg-restart=%s quiesced=%s secs=%d")
        .formatted(
            settings.seed(),
            operations,
            faults,
            v.count(Kind.LOST),
            v.count(Kind.DUPLICATED),
            v.count(Kind.DIVERGENT),
            v.count(Kind.RESURRECTED),
            v.count(Kind.LWW_VIOLATED),
            v.count(Kind.FAILED_EXPLAINED),
            snapshot.waiting(),
            snapshot.conflicts(),
            records,
            settings.cdc(),
            engine.starts(),
            pg.restartMode(),
            quiesced,
            (System.nanoTime() - beganNanos) / 1_000_000_000L);
  }

  static String details(
      ConvergenceSettings settings, Verdict v, Snapshot snapshot, List<String> problems) {
    StringBuilder out = new StringBuilder();
    out.append("replay: mvn -B -pl app verify -Dit.test=ConvergenceIT -Dconvergence.seed=")
        .append(settings.seed())
        .append(" -Dconvergence.ops=")
        .append(settings.operations())
        .append(" -Dconvergence.rate=")
        .append(settings.rate())
        .append(" -Dconvergence.cdc=")
        .append(settings.cdc());
    v.failureReasons().forEach((r, n) -> out.append("\nFAILED x").append(n).append(": ").append(r));
    v.details().forEach(d -> out.append("\n").append(d));
    problems.forEach(p -> out.append("\nharness problem: ").append(p));
    return out.toString();
  }

  static String firstFinding(Verdict v) {
    return v.details().isEmpty() ? "" : "\nfirst finding: " + v.details().get(0);
  }
}
