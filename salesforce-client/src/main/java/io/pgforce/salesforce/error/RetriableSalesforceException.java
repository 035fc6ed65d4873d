package io.pgforce.salesforce.error;

import java.util.List;

/**
 * A failure a later attempt may not meet: a locked row, an unavailable server, a dropped
 * connection, an exhausted request limit. The client already retried it within its time budget
 * before throwing; the caller may schedule another attempt later. Only {@link ErrorClassifier}
 * creates these.
 */
public class RetriableSalesforceException extends SalesforceException {

  RetriableSalesforceException(int httpStatus, List<ApiError> errors, Throwable cause) {
    super(httpStatus, errors, cause);
  }
}
