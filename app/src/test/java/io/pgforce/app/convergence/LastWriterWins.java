package io.pgforce.app.convergence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented conflict rule, checked field by field. The rule decides per record: the later
 * write wins, and the winning side brings its whole row, so a field may also end with the newest
 * value its winning side held (an older local edit travels with a newer one in a merged push).
 * Hence a field's final value must be one of: a value written within {@code window} of the record's
 * last write (concurrent with it: a push in flight, a poll not yet run), or the newest value each
 * side wrote before that. Anything older was overwritten on both sides and must not come back.
 */
final class LastWriterWins {

  private final Duration window;

  LastWriterWins(Duration window) {
    this.window = window;
  }

  boolean holds(RecordHistory history, Map<String, String> finalValues) {
    return violations(history, finalValues).isEmpty();
  }

  String explain(RecordHistory history, Map<String, String> finalValues) {
    return "\n  last-writer-wins expects: " + violations(history, finalValues);
  }

  /** Field name, final value and the values the rule allows, for each field that breaks it. */
  private List<String> violations(RecordHistory history, Map<String, String> finalValues) {
    List<Write> writes =
        history.writes().stream()
            .filter(w -> w.mayHaveHappened() && w.kind() != Write.Kind.DELETE)
            .sorted(java.util.Comparator.comparing(Write::end))
            .toList();
    List<String> out = new ArrayList<>();
    if (writes.isEmpty()) {
      return out;
    }
    Instant last = writes.stream().map(Write::start).max(Instant::compareTo).orElseThrow();
    Instant cutoff = last.minus(window);
    for (MappedField f : history.object().fields()) {
      Set<String> allowed = allowed(writes, f.apiName(), cutoff);
      String actual = finalValues.get(f.apiName());
      if (!allowed.isEmpty() && !allowed.contains(actual)) {
        out.add(f.apiName() + "=" + actual + " not in " + allowed);
      }
    }
    return out;
  }

  /** The values {@code field} may end with; empty when no write touched it. */
  private static Set<String> allowed(List<Write> writes, String field, Instant cutoff) {
    Set<String> allowed = new HashSet<>(); // holds null when a write cleared the field
    Set<Write.Side> settled = new HashSet<>();
    for (int i = writes.size() - 1; i >= 0 && settled.size() < 2; i--) {
      Write w = writes.get(i);
      if (!w.fields().containsKey(field) || settled.contains(w.side())) {
        continue;
      }
      allowed.add(w.fields().get(field));
      boolean concurrentWithLast = !w.end().isBefore(cutoff);
      if (!concurrentWithLast && w.outcome() == Write.Outcome.APPLIED) {
        settled.add(w.side()); // this side's newest certain value before the window
      }
    }
    return allowed;
  }
}
