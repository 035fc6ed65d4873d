package io.pgforce.emulator.errors;

import java.util.List;
import java.util.Objects;

/**
 * One error as Salesforce reports it.
 *
 * <p>{@code fields} is {@code null} when Salesforce leaves the key out of the body altogether (as
 * it does for {@code INVALID_SESSION_ID} and {@code NOT_FOUND}); an empty list is written as {@code
 * "fields":[]}.
 *
 * @param code the error code, for example {@code REQUIRED_FIELD_MISSING}
 * @param message the human-readable message, in Salesforce's wording
 * @param fields the API names of the fields concerned, or {@code null} for none at all
 */
public record ApiError(String code, String message, List<String> fields) {

  public ApiError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    fields = fields == null ? null : List.copyOf(fields);
  }

  /** An error whose body carries {@code "fields":[...]}. */
  public static ApiError of(String code, String message, String... fields) {
    return new ApiError(code, message, List.of(fields));
  }

  /** An error whose body has no {@code fields} key. */
  public static ApiError withoutFields(String code, String message) {
    return new ApiError(code, message, null);
  }

  /** The fields, never null: an absent list reads as empty. */
  public List<String> fieldsOrEmpty() {
    return fields == null ? List.of() : fields;
  }
}
