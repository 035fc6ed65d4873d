package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.error.ApiError;
import io.pgforce.salesforce.http.ErrorBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome for one record of a write.
 *
 * @param id the record's id; empty when a create failed
 * @param created true when an upsert inserted (always true for a successful create)
 * @param errors why it failed; empty on success
 */
public record SaveResult(
    Optional<String> id, boolean success, boolean created, List<ApiError> errors) {

  public SaveResult {
    errors = List.copyOf(errors);
  }

  /** Reads one element of an sObject Collections result (errors use {@code statusCode}). */
  static SaveResult fromJson(JsonNode node, boolean createdByDefault) {
    JsonNode id = node.get("id");
    boolean success = node.path("success").asBoolean(false);
    boolean created = node.path("created").asBoolean(createdByDefault && success);
    List<ApiError> errors = new ArrayList<>();
    for (JsonNode error : node.path("errors")) {
      String code = error.path("statusCode").asText(error.path("errorCode").asText(null));
      errors.add(
          new ApiError(
              code, error.path("message").asText(""), ErrorBodies.fields(error.get("fields"))));
    }
    Optional<String> recordId =
        id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText());
    return new SaveResult(recordId, success, created, errors);
  }

  /** The first error's code, when there is one. */
  public Optional<String> errorCode() {
    return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0).code());
  }
}
