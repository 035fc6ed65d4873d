package io.pgforce.app.convergence;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

/**
 * One operation of the run on one record, as the ops log keeps it.
 *
 * @param fields what was written, by API name, in {@link Values#canonical} form (empty for deletes)
 * @param start when the call or statement began
 * @param end when it returned: the change happened somewhere in between
 */
record Write(
    MappedObject object,
    String key,
    Side side,
    String channel,
    Kind kind,
    Map<String, String> fields,
    Instant start,
    Instant end,
    Outcome outcome) {

  enum Side {
    SALESFORCE,
    POSTGRES
  }

  enum Kind {
    CREATE,
    UPDATE,
    DELETE
  }

  /** What became of the operation: the checker needs the uncertain ones as well. */
  enum Outcome {
    APPLIED,
    /** The call failed in a way that leaves open whether it took effect (a lost connection). */
    UNCERTAIN,
    /** Refused, or found nothing to change: it changed nothing. */
    NOT_APPLIED
  }

  Write {
    fields = Collections.unmodifiableMap(new java.util.HashMap<>(fields)); // values may be null
  }

  boolean mayHaveHappened() {
    return outcome != Outcome.NOT_APPLIED;
  }

  @Override
  public String toString() {
    return "%s..%s %s/%s %s %s %s"
        .formatted(start, end, side, channel, kind, outcome, kind == Kind.DELETE ? "" : fields);
  }
}
