package io.pgforce.app.convergence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the checker found: a count per kind of finding, the first findings in full (both sides'
 * values and the record's ops log, so a failure can be understood and replayed), and the one-line
 * summary the issue asks for.
 */
final class Verdict {

  /** Kinds of finding; all but FAILED_EXPLAINED fail the run. */
  enum Kind {
    LOST,
    DUPLICATED,
    DIVERGENT,
    RESURRECTED,
    LWW_VIOLATED,
    /** Not applied, but visible as a FAILED trigger-log entry with its reason: allowed. */
    FAILED_EXPLAINED
  }

  /** Findings printed in full, of each kind: the first of every kind, not just of the first. */
  private static final int DETAILED = 3;

  private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
  private final List<String> details = new ArrayList<>();
  private final Map<String, Integer> failureReasons = new TreeMap<>();

  Verdict() {
    for (Kind k : Kind.values()) {
      counts.put(k, 0);
    }
  }

  void add(Kind kind, String detail) {
    int seen = counts.merge(kind, 1, Integer::sum);
    if (kind != Kind.FAILED_EXPLAINED && seen <= DETAILED) {
      details.add(kind + ": " + detail);
    }
  }

  void failureReason(String message) {
    String reason = message == null ? "(none)" : message.replaceAll("[0-9a-zA-Z]{15,18}", "<id>");
    failureReasons.merge(reason, 1, Integer::sum);
  }

  int count(Kind kind) {
    return counts.get(kind);
  }

  boolean converged() {
    return counts.entrySet().stream()
        .allMatch(e -> e.getKey() == Kind.FAILED_EXPLAINED || e.getValue() == 0);
  }

  List<String> details() {
    return List.copyOf(details);
  }

  Map<String, Integer> failureReasons() {
    return Map.copyOf(failureReasons);
  }
}
