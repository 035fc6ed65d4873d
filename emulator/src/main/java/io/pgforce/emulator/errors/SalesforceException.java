package io.pgforce.emulator.errors;

import java.util.List;

/**
 * A request refused the way Salesforce refuses it: an HTTP status and the errors for its body.
 * Thrown anywhere in the emulator; mapped to the response in one place (the REST layer's error
 * mapper), so the wire shape cannot drift between endpoints.
 */
public class SalesforceException extends RuntimeException {

  private final int status;
  private final transient List<ApiError> errors;

  public SalesforceException(int status, List<ApiError> errors) {
    super(
        errors.isEmpty()
            ? "HTTP " + status
            : errors.get(0).code() + ": " + errors.get(0).message());
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public SalesforceException(int status, ApiError error) {
    this(status, List.of(error));
  }

  public int status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }

  /** The first error's code, which is what callers usually branch on. */
  public String code() {
    return errors.isEmpty() ? "" : errors.get(0).code();
  }
}
