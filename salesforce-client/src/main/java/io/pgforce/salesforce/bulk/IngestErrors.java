package io.pgforce.salesforce.bulk;

import io.pgforce.salesforce.error.ApiError;
import java.util.Arrays;
import java.util.List;

/**
 * Parses {@code sf__Error} of an ingest failure, {@code CODE:message:Field1,Field2 --}, into an
 * {@link ApiError}. The message itself may contain colons, so the fields are the part after the
 * last colon and only when the value ends with the {@code --} marker.
 */
final class IngestErrors {

  private static final String FIELDS_END = "--";

  private IngestErrors() {}

  static ApiError parse(String sfError) {
    String text = sfError == null ? "" : sfError.strip();
    int firstColon = text.indexOf(':');
    if (firstColon <= 0) {
      return new ApiError("UNKNOWN_ERROR", text, List.of());
    }
    String code = text.substring(0, firstColon);
    String rest = text.substring(firstColon + 1);
    if (!rest.endsWith(FIELDS_END)) {
      return new ApiError(code, rest.strip(), List.of());
    }
    String withoutMarker = rest.substring(0, rest.length() - FIELDS_END.length()).strip();
    int lastColon = withoutMarker.lastIndexOf(':');
    if (lastColon < 0) {
      return new ApiError(code, withoutMarker, List.of());
    }
    String message = withoutMarker.substring(0, lastColon).strip();
    return new ApiError(code, message, fields(withoutMarker.substring(lastColon + 1)));
  }

  private static List<String> fields(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
  }
}
