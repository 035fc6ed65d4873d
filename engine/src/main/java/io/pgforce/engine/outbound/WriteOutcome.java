package io.pgforce.engine.outbound;

import java.util.List;
import java.util.Optional;

/**
 * What Salesforce said about one pending write.
 *
 * @param sfid the record's id after the write (the new one, for an insert)
 * @param error the Salesforce error, when the write did not succeed
 */
public record WriteOutcome(
    PendingWrite write, Result result, Optional<String> sfid, Optional<WriteError> error) {

  /** How the write ended. */
  public enum Result {
    SUCCESS,
    /** Rejected for a reason that retrying will not fix (a validation rule, a missing field). */
    FAILED,
    /** Refused for now (a locked row, a busy org): the entries go back to NEW after a backoff. */
    RETRY
  }

  /** A Salesforce error as its API reports it. */
  public record WriteError(String code, String message, List<String> fields) {
    public WriteError {
      fields = List.copyOf(fields);
    }
  }

  public static WriteOutcome success(PendingWrite w, String sfid) {
    return new WriteOutcome(w, Result.SUCCESS, Optional.ofNullable(sfid), Optional.empty());
  }

  public static WriteOutcome failed(PendingWrite w, WriteError e) {
    return new WriteOutcome(w, Result.FAILED, Optional.ofNullable(w.sfid()), Optional.of(e));
  }

  public static WriteOutcome retry(PendingWrite w, WriteError e) {
    return new WriteOutcome(w, Result.RETRY, Optional.ofNullable(w.sfid()), Optional.of(e));
  }
}
