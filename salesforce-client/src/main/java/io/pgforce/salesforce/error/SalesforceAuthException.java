package io.pgforce.salesforce.error;

import java.util.List;

/**
 * Salesforce refused to log in (bad credentials, a connected app not set up for the flow, an
 * inactive user) or rejected a session that was just renewed. Retrying does not help: the
 * configuration has to change.
 */
public class SalesforceAuthException extends SalesforceException {

  public SalesforceAuthException(int httpStatus, String errorCode, String message) {
    super(httpStatus, List.of(new ApiError(errorCode, message, List.of())), null);
  }

  public SalesforceAuthException(String errorCode, String message, Throwable cause) {
    super(NO_RESPONSE, List.of(new ApiError(errorCode, message, List.of())), cause);
  }
}
