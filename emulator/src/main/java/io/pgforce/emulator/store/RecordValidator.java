package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.metadata.PicklistValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks Salesforce makes before saving a record, with its error codes and wording: required
 * fields, text lengths, email format, restricted picklists, lookups that must point at a live
 * record of the right object, and unique values.
 */
final class RecordValidator {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final OrgStore store;

  RecordValidator(OrgStore store) {
    this.store = store;
  }

  /**
   * Every problem with a record about to be saved.
   *
   * @param values the record's values after defaults and derivations
   * @param assigned the fields the caller set (only those are checked beyond required-ness)
   * @param selfId the record's own id, so a unique value does not clash with itself
   */
  List<ApiError> problems(
      ObjectTable table, Object[] values, Collection<FieldDefinition> assigned, String selfId) {
    List<ApiError> problems = new ArrayList<>();
    missingRequired(table, values).ifPresent(problems::add);
    for (FieldDefinition field : assigned) {
      Object value = values[field.position()];
      if (value != null) {
        fieldProblem(table, field, value, selfId).ifPresent(problems::add);
      }
    }
    return problems;
  }

  private static Optional<ApiError> missingRequired(ObjectTable table, Object[] values) {
    List<String> missing =
        table.type().fields().stream()
            .filter(f -> f.required() && values[f.position()] == null)
            .map(FieldDefinition::name)
            .toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ApiError(
            "REQUIRED_FIELD_MISSING",
            "Required fields are missing: " + missing.toString(),
            missing));
  }

  private Optional<ApiError> fieldProblem(
      ObjectTable table, FieldDefinition field, Object value, String selfId) {
    if (field.type().isText() && value instanceof String text && text.length() > field.length()) {
      return Optional.of(
          fieldError(
              "STRING_TOO_LONG",
              field,
              "data value too large: " + text + " (max length=" + field.length() + ")"));
    }
    if (field.type() == FieldType.EMAIL && !EMAIL.matcher((String) value).matches()) {
      return Optional.of(
          fieldError("INVALID_EMAIL_ADDRESS", field, "invalid email address: " + value));
    }
    if (field.restrictedPicklist() && !isPicklistValue(field, (String) value)) {
      return Optional.of(
          fieldError(
              "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
              field,
              "bad value for restricted picklist field: " + value));
    }
    if (field.type() == FieldType.REFERENCE) {
      return referenceProblem(field, (String) value);
    }
    if (field.unique()) {
      return duplicate(table, field, value, selfId);
    }
    return Optional.empty();
  }

  private static boolean isPicklistValue(FieldDefinition field, String value) {
    List<String> allowed = field.picklistValues().stream().map(PicklistValue::value).toList();
    if (field.type() == FieldType.MULTIPICKLIST) {
      return allowed.containsAll(List.of(value.split(";")));
    }
    return allowed.contains(value);
  }

  private Optional<ApiError> referenceProblem(FieldDefinition field, String id) {
    String target = field.referenceTo().orElseThrow();
    String expectedPrefix = store.schema().require(target).keyPrefix();
    if (!RecordIds.keyPrefix(id).equals(expectedPrefix)) {
      return Optional.of(
          fieldError("FIELD_INTEGRITY_EXCEPTION", field, "id value of incorrect type: " + id));
    }
    boolean live = store.find(id).filter(r -> !r.deleted()).isPresent();
    return live
        ? Optional.empty()
        : Optional.of(ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
  }

  private static Optional<ApiError> duplicate(
      ObjectTable table, FieldDefinition field, Object value, String selfId) {
    return table.idsWithValue(field, value).stream()
        .filter(id -> !id.equals(selfId))
        .findFirst()
        .map(
            other ->
                ApiError.of(
                    "DUPLICATE_VALUE",
                    "duplicate value found: "
                        + field.name()
                        + " duplicates value on record with id: "
                        + RecordIds.to15(other)));
  }

  private static ApiError fieldError(String code, FieldDefinition field, String detail) {
    return ApiError.of(code, field.label() + ": " + detail, field.name());
  }
}
