package io.pgforce.emulator.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the field entries of the metadata file into {@link FieldDefinition}s, adding a message to
 * the shared problem list for each entry it cannot accept.
 */
final class CustomFieldReader {

  private static final Set<FieldType> NOT_DECLARABLE = Set.of(FieldType.ID, FieldType.ADDRESS);

  private final List<String> problems;

  CustomFieldReader(List<String> problems) {
    this.problems = problems;
  }

  List<FieldDefinition> fields(JsonNode specs, String where) {
    List<FieldDefinition> result = new ArrayList<>();
    if (specs.isMissingNode()) {
      return result;
    }
    if (!specs.isArray()) {
      problems.add(where + ": must be an array of fields");
      return result;
    }
    for (int i = 0; i < specs.size(); i++) {
      field(specs.get(i), where + "[" + i + "]").ifPresent(result::add);
    }
    return result;
  }

  private Optional<FieldDefinition> field(JsonNode spec, String where) {
    String name = spec.path("name").asText("");
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*__c")) {
      problems.add(
          where + ".name: a custom field name ending in __c is required, got '" + name + "'");
      return Optional.empty();
    }
    String typeName = spec.path("type").asText("");
    Optional<FieldType> type =
        FieldType.fromApiName(typeName).filter(t -> !NOT_DECLARABLE.contains(t));
    if (type.isEmpty()) {
      problems.add(where + ".type: unsupported field type '" + typeName + "'");
      return Optional.empty();
    }
    try {
      return Optional.of(build(name, type.get(), spec));
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static FieldDefinition build(String name, FieldType type, JsonNode spec) {
    FieldDefinition.Builder field =
        FieldDefinition.builder(name, type).label(spec.path("label").asText(defaultLabel(name)));
    sizes(field, type, spec);
    flags(field, spec);
    if (type == FieldType.REFERENCE) {
      reference(field, name, spec);
    }
    if (type == FieldType.PICKLIST || type == FieldType.MULTIPICKLIST) {
      picklist(field, spec);
    }
    if (spec.hasNonNull("default")) {
      field.defaultValue(defaultValue(type, spec.get("default")));
    }
    if (spec.hasNonNull("formula")) {
      String formula = spec.get("formula").asText();
      field.calculated(formula, Formula.parse(formula));
    }
    return field.build();
  }

  private static String defaultLabel(String name) {
    return name.substring(0, name.length() - 3).replace('_', ' ');
  }

  private static void sizes(FieldDefinition.Builder field, FieldType type, JsonNode spec) {
    if (type.isText()) {
      int fallback = type == FieldType.MULTIPICKLIST ? 4099 : 255;
      int length = spec.path("length").asInt(fallback);
      if (length < 1 || length > 131072) {
        throw new IllegalArgumentException("length must be between 1 and 131072");
      }
      field.length(length);
    } else if (type.isDecimal()) {
      int precision = spec.path("precision").asInt(18);
      int scale = spec.path("scale").asInt(type == FieldType.CURRENCY ? 2 : 0);
      if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
        throw new IllegalArgumentException("precision must be 1-18 and scale 0-precision");
      }
      field.precision(precision, scale);
    } else if (type == FieldType.INT) {
      field.digits(spec.path("precision").asInt(9));
    }
  }

  private static void flags(FieldDefinition.Builder field, JsonNode spec) {
    if (spec.path("required").asBoolean(false)) {
      field.required();
    }
    if (spec.path("unique").asBoolean(false)) {
      field.unique();
    }
    if (spec.path("externalId").asBoolean(false)) {
      field.externalId();
    }
    if (spec.path("caseSensitive").asBoolean(false)) {
      field.caseSensitive();
    }
  }

  private static void reference(FieldDefinition.Builder field, String name, JsonNode spec) {
    String target = spec.path("referenceTo").asText("");
    if (target.isEmpty()) {
      throw new IllegalArgumentException("a reference field needs \"referenceTo\"");
    }
    String base = name.substring(0, name.length() - 3);
    field.references(
        target,
        spec.path("relationshipName").asText(base + "__r"),
        spec.path("childRelationshipName").asText(null));
    if (spec.path("cascadeDelete").asBoolean(false)) {
      field.cascadeDelete();
    }
  }

  private static void picklist(FieldDefinition.Builder field, JsonNode spec) {
    JsonNode values = spec.path("values");
    if (!values.isArray() || values.isEmpty()) {
      throw new IllegalArgumentException("a picklist needs a non-empty \"values\" array");
    }
    String defaultValue = spec.path("default").asText(null);
    List<PicklistValue> picklist = new ArrayList<>();
    values.forEach(
        v ->
            picklist.add(
                new PicklistValue(v.asText(), v.asText(), v.asText().equals(defaultValue))));
    field.picklist(picklist, spec.path("restricted").asBoolean(false));
  }

  private static Object defaultValue(FieldType type, JsonNode value) {
    return switch (type) {
      case BOOLEAN -> value.asBoolean();
      case INT -> value.asInt();
      case DOUBLE, CURRENCY, PERCENT -> value.asDouble();
      case DATE -> LocalDate.parse(value.asText());
      case REFERENCE, DATETIME, TIME ->
          throw new IllegalArgumentException(
              "a default value is not supported for " + type.apiName());
      default -> value.asText();
    };
  }

  /** Every field a formula reads must exist on the same object. */
  void checkFormulas(List<FieldDefinition> all, List<FieldDefinition> custom, String where) {
    Set<String> names = all.stream().map(f -> f.name().toLowerCase()).collect(Collectors.toSet());
    for (FieldDefinition field : custom) {
      if (field.calculation().orElse(null) instanceof Formula formula) {
        formula.fieldNames().stream()
            .filter(n -> !names.contains(n.toLowerCase()))
            .forEach(
                n ->
                    problems.add(
                        where + "." + field.name() + ": formula reads unknown field " + n));
      }
    }
  }
}
