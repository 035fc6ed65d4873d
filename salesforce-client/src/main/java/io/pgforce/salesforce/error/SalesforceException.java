package io.pgforce.salesforce.error;

import java.util.List;

/**
 * A call to Salesforce failed. Carries what Salesforce said: the HTTP status (0 when the request
 * never got an answer), the error code and the fields concerned. Whether it is worth retrying is
 * decided by {@link ErrorClassifier}, which is also what creates the retriable subtype.
 */
public class SalesforceException extends RuntimeException {

  /** The status used when no HTTP response was received (connection failure, timeout). */
  public static final int NO_RESPONSE = 0;

  private final int httpStatus;
  private final List<ApiError> errors;

  public SalesforceException(int httpStatus, List<ApiError> errors, Throwable cause) {
    super(describe(httpStatus, errors), cause);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a SalesforceException needs at least one error");
    }
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
  }

  public SalesforceException(
      int httpStatus, String errorCode, String message, List<String> fields) {
    this(httpStatus, List.of(new ApiError(errorCode, message, fields)), null);
  }

  /** The HTTP status, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The first error's code, for example {@code UNABLE_TO_LOCK_ROW}. */
  public String errorCode() {
    return errors.get(0).code();
  }

  /** The fields the first error names. */
  public List<String> fields() {
    return errors.get(0).fields();
  }

  /** Every error of the response, in the order Salesforce sent them. */
  public List<ApiError> errors() {
    return errors;
  }

  private static String describe(int httpStatus, List<ApiError> errors) {
    String status = httpStatus == NO_RESPONSE ? "no response" : "HTTP " + httpStatus;
    return errors.isEmpty() ? status : errors.get(0) + " (" + status + ")";
  }
}
