package io.pgforce.salesforce.error;

import java.util.List;

/**
 * One error as Salesforce reports it: in REST error bodies the code is called {@code errorCode}, in
 * sObject Collections results {@code statusCode}; both land in {@link #code()}.
 *
 * @param code Salesforce's error code, for example {@code REQUIRED_FIELD_MISSING}
 * @param message the human-readable message
 * @param fields the fields the error is about, possibly empty
 */
public record ApiError(String code, String message, List<String> fields) {

  public ApiError {
    code = code == null ? "UNKNOWN_ERROR" : code;
    message = message == null ? "" : message;
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  @Override
  public String toString() {
    return fields.isEmpty() ? code + ": " + message : code + ": " + message + " " + fields;
  }
}
