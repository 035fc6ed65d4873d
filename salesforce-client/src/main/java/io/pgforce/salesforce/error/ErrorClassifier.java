package io.pgforce.salesforce.error;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a failure is worth retrying, and that creates the typed
 * exceptions so the decision travels with them.
 *
 * <p>Retriable: {@code UNABLE_TO_LOCK_ROW} (another transaction holds the row; Salesforce rolled
 * this one back), HTTP 503 (the server did not take the request), HTTP 502 and 504, timeouts and
 * connection resets (the answer was lost, so the request may have been applied) and {@code
 * REQUEST_LIMIT_EXCEEDED} (the org's request limits; only time helps). Everything else, validation
 * errors above all, is fatal: sending the same request again would fail the same way.
 */
public final class ErrorClassifier {

  static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";
  private static final Set<String> RETRIABLE_CODES = Set.of("UNABLE_TO_LOCK_ROW");
  private static final int MAX_CAUSE_DEPTH = 25;

  private ErrorClassifier() {}

  /** Classifies a failure by walking its cause chain; the first conclusive link decides. */
  public static Verdict classify(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.size() < MAX_CAUSE_DEPTH; t = t.getCause()) {
      if (seen.put(t, Boolean.TRUE) != null) {
        break;
      }
      Verdict verdict = classifyOne(t);
      if (verdict != null) {
        return verdict;
      }
    }
    return Verdict.FATAL;
  }

  /** Whether a later attempt may succeed. */
  public static boolean isRetriable(Throwable failure) {
    return classify(failure).retriable();
  }

  /** Classifies a Salesforce error code, for per-record results that carry no HTTP status. */
  public static Verdict classify(String errorCode) {
    if (REQUEST_LIMIT_EXCEEDED.equals(errorCode)) {
      return Verdict.RETRY_AFTER_LONG_BACKOFF;
    }
    return RETRIABLE_CODES.contains(errorCode) ? Verdict.RETRY : Verdict.FATAL;
  }

  /** Classifies what Salesforce answered: an error code first, the HTTP status otherwise. */
  public static Verdict classify(int httpStatus, String errorCode) {
    Verdict byCode = classify(errorCode);
    if (byCode != Verdict.FATAL) {
      return byCode;
    }
    return switch (httpStatus) {
      case 503 -> Verdict.RETRY;
      case 502, 504 -> Verdict.RETRY_IF_IDEMPOTENT;
      default -> Verdict.FATAL;
    };
  }

  /**
   * The exception for an error response, retriable or not as {@link #classify(int, String)} says.
   */
  public static SalesforceException fromResponse(int httpStatus, List<ApiError> errors) {
    if (classify(httpStatus, errors.get(0).code()).retriable()) {
      return new RetriableSalesforceException(httpStatus, errors, null);
    }
    return new SalesforceException(httpStatus, errors, null);
  }

  /** The exception for a request that got no usable answer (connection refused, reset, timeout). */
  public static SalesforceException transportFailure(String request, Throwable cause) {
    String message = request + " failed: " + describe(cause);
    List<ApiError> errors = List.of(new ApiError(transportCode(cause), message, List.of()));
    if (classify(cause).retriable()) {
      return new RetriableSalesforceException(SalesforceException.NO_RESPONSE, errors, cause);
    }
    return new SalesforceException(SalesforceException.NO_RESPONSE, errors, cause);
  }

  private static Verdict classifyOne(Throwable t) {
    if (t instanceof SalesforceAuthException) {
      return Verdict.FATAL;
    }
    if (t instanceof SalesforceException e) {
      Verdict verdict = classify(e.httpStatus(), e.errorCode());
      // A transport failure carries its I/O cause: let the cause decide.
      return verdict == Verdict.FATAL && e.getCause() != null ? null : verdict;
    }
    return classifyIo(t);
  }

  private static Verdict classifyIo(Throwable t) {
    if (t instanceof ConnectException) {
      return Verdict.RETRY; // refused before anything was sent
    }
    if (t instanceof TimeoutException
        || t instanceof SocketTimeoutException
        || t instanceof EOFException
        || t instanceof ClosedChannelException
        || isResetOrBrokenPipe(t)) {
      return Verdict.RETRY_IF_IDEMPOTENT;
    }
    return null;
  }

  private static boolean isResetOrBrokenPipe(Throwable t) {
    if (!(t instanceof IOException) || t.getMessage() == null) {
      return false;
    }
    String message = t.getMessage().toLowerCase(Locale.ROOT);
    return message.contains("connection reset")
        || message.contains("broken pipe")
        || message.contains("connection closed");
  }

  private static String transportCode(Throwable cause) {
    if (classify(cause) == Verdict.RETRY_IF_IDEMPOTENT && hasTimeout(cause)) {
      return "TIMEOUT";
    }
    return "TRANSPORT_ERROR";
  }

  private static boolean hasTimeout(Throwable cause) {
    Throwable t = cause;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
