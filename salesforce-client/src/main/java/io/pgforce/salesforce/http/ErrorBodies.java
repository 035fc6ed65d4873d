package io.pgforce.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.error.ApiError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the errors out of an error response. REST and Bulk API 2.0 send an array of {@code
 * {message, errorCode, fields}}; the OAuth endpoint sends {@code {error, error_description}}; an
 * upsert that matches several records answers 300 with the matching URLs; proxies and outages may
 * answer with HTML or nothing.
 */
public final class ErrorBodies {

  private static final int MAX_MESSAGE = 500;

  private ErrorBodies() {}

  /** Never empty: a body it cannot read becomes one error named after the status. */
  public static List<ApiError> parse(int status, String body) {
    List<ApiError> errors = parseJson(body);
    if (!errors.isEmpty()) {
      return errors;
    }
    String message = body == null || body.isBlank() ? "HTTP " + status : truncate(body.strip());
    return List.of(new ApiError("HTTP_" + status, message, List.of()));
  }

  private static List<ApiError> parseJson(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      return root == null ? List.of() : fromNode(root);
    } catch (IOException notJson) {
      return List.of();
    }
  }

  private static List<ApiError> fromNode(JsonNode root) {
    if (root.isObject()) {
      ApiError error = fromObject(root);
      return error == null ? List.of() : List.of(error);
    }
    List<ApiError> errors = new ArrayList<>();
    List<String> matches = new ArrayList<>();
    for (JsonNode element : root) {
      if (element.isTextual()) {
        matches.add(element.asText());
      } else if (element.isObject() && fromObject(element) != null) {
        errors.add(fromObject(element));
      }
    }
    if (errors.isEmpty() && !matches.isEmpty()) {
      errors.add(new ApiError("MULTIPLE_MATCHES", "the external id matches " + matches, List.of()));
    }
    return errors;
  }

  private static ApiError fromObject(JsonNode node) {
    String code = text(node, "errorCode", text(node, "statusCode", text(node, "error", null)));
    if (code == null) {
      return null;
    }
    String message = text(node, "message", text(node, "error_description", ""));
    return new ApiError(code, message, fields(node.get("fields")));
  }

  /** Extracts the {@code fields} array of an error object. */
  public static List<String> fields(JsonNode fields) {
    List<String> names = new ArrayList<>();
    if (fields != null) {
      fields.forEach(field -> names.add(field.asText()));
    }
    return names;
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
  }
}
