package io.pgforce.engine.outbound;

import io.pgforce.engine.LoginRefusals;
import io.pgforce.salesforce.error.ApiError;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.error.SalesforceAuthException;
import io.pgforce.salesforce.error.SalesforceException;
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

  /**
   * A record Salesforce refused, judged by its error code: retried when the refusal is temporary (a
   * locked row), failed otherwise. A delete of a record already gone got what it wanted.
   */
  public static WriteOutcome refused(PendingWrite w, ApiError first) {
    WriteError error = new WriteError(first.code(), first.message(), first.fields());
    if (w.kind() == PendingWrite.Kind.DELETE && first.code().equals("ENTITY_IS_DELETED")) {
      return success(w, w.sfid());
    }
    return ErrorClassifier.classify(first.code()).retriable() ? retry(w, error) : failed(w, error);
  }

  /**
   * Every write of a call that failed as a whole (after the client's own retries), judged alike.
   */
  public static List<WriteOutcome> callFailed(List<PendingWrite> writes, SalesforceException e) {
    if (e instanceof SalesforceAuthException refused) {
      // a refused login says nothing about these records: they wait, NEW, until it works again
      WriteError error = new WriteError(e.errorCode(), LoginRefusals.explain(refused), List.of());
      return writes.stream().map(w -> retry(w, error)).toList();
    }
    WriteError error = new WriteError(e.errorCode(), e.getMessage(), e.fields());
    boolean retriable = ErrorClassifier.isRetriable(e);
    return writes.stream().map(w -> retriable ? retry(w, error) : failed(w, error)).toList();
  }
}
