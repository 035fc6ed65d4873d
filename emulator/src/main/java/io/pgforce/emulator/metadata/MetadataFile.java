package io.pgforce.emulator.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads custom objects and custom fields from the JSON metadata file (format in docs/emulator.md)
 * and merges them with the standard objects into an {@link OrgSchema}. Every problem in the file is
 * collected and reported together, so one run shows them all.
 */
public final class MetadataFile {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private final List<String> problems = new ArrayList<>();
  private final CustomFieldReader fieldReader = new CustomFieldReader(problems);

  private MetadataFile() {}

  /** The standard objects plus what {@code file} defines. */
  public static OrgSchema load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read metadata file " + file, e);
    }
  }

  /**
   * The standard objects plus what {@code json} defines.
   *
   * @throws IllegalArgumentException listing every problem found
   */
  public static OrgSchema parse(String json) {
    return new MetadataFile().read(json);
  }

  private OrgSchema read(String json) {
    JsonNode root = tree(json);
    List<SObjectDefinition> objects = new ArrayList<>(withExtraFields(root.path("fields")));
    objects.addAll(customObjects(root.path("objects"), usedPrefixes(objects)));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid metadata: " + String.join("; ", problems));
    }
    try {
      return new OrgSchema(objects);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid metadata: " + e.getMessage(), e);
    }
  }

  private static JsonNode tree(String json) {
    try {
      JsonNode root = JSON.readTree(json);
      if (root == null || !root.isObject()) {
        throw new IllegalArgumentException("Invalid metadata: the file must hold a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Invalid metadata: " + e.getOriginalMessage(), e);
    }
  }

  /** The standard objects, each with the custom fields the file adds to it. */
  private List<SObjectDefinition> withExtraFields(JsonNode extraFields) {
    List<SObjectDefinition> result = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (SObjectDefinition standard : StandardObjects.all()) {
      known.add(standard.name());
      JsonNode added = extraFields.path(standard.name());
      result.add(added.isMissingNode() ? standard : extend(standard, added));
    }
    extraFields
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problems.add(
                    "fields."
                        + name
                        + ": not a standard object (define custom objects"
                        + " under \"objects\")");
              }
            });
    return result;
  }

  /** Custom fields follow the standard ones, as describe lists them. */
  private SObjectDefinition extend(SObjectDefinition standard, JsonNode fields) {
    List<FieldDefinition> combined = new ArrayList<>(standard.fields());
    List<FieldDefinition> custom = fieldReader.fields(fields, "fields." + standard.name());
    combined.addAll(custom);
    fieldReader.checkFormulas(combined, custom, "fields." + standard.name());
    return new SObjectDefinition(
        standard.name(),
        standard.label(),
        standard.labelPlural(),
        standard.keyPrefix(),
        standard.deletable(),
        combined);
  }

  private static Set<String> usedPrefixes(List<SObjectDefinition> objects) {
    Set<String> used = new HashSet<>();
    objects.forEach(o -> used.add(o.keyPrefix()));
    return used;
  }

  private List<SObjectDefinition> customObjects(JsonNode objects, Set<String> usedPrefixes) {
    List<SObjectDefinition> result = new ArrayList<>();
    if (objects.isMissingNode()) {
      return result;
    }
    if (!objects.isArray()) {
      problems.add("objects: must be an array");
      return result;
    }
    for (int i = 0; i < objects.size(); i++) {
      String where = "objects[" + i + "]";
      customObject(objects.get(i), where, usedPrefixes).ifPresent(result::add);
    }
    return result;
  }

  private Optional<SObjectDefinition> customObject(
      JsonNode spec, String where, Set<String> usedPrefixes) {
    String name = spec.path("name").asText("");
    if (!name.matches("[A-Za-z][A-Za-z0-9_]*__c")) {
      problems.add(
          where + ".name: a custom object name ending in __c is required, got '" + name + "'");
      return Optional.empty();
    }
    String label =
        spec.path("label").asText(name.substring(0, name.length() - 3).replace('_', ' '));
    String plural = spec.path("labelPlural").asText(label + "s");
    String prefix = keyPrefix(spec, where, usedPrefixes);
    SObjectBuilder builder = SObjectBuilder.object(name, label, plural, prefix);
    builder.field(nameField(spec.path("nameField"), label));
    List<FieldDefinition> fields = fieldReader.fields(spec.path("fields"), where + ".fields");
    fields.forEach(builder::field);
    SObjectDefinition object = builder.build();
    fieldReader.checkFormulas(object.fields(), fields, where);
    return Optional.of(object);
  }

  private static FieldDefinition nameField(JsonNode spec, String objectLabel) {
    return FieldDefinition.builder("Name", FieldType.STRING)
        .label(spec.path("label").asText(objectLabel + " Name"))
        .length(spec.path("length").asInt(80))
        .nameField()
        .idLookup()
        .build();
  }

  private String keyPrefix(JsonNode spec, String where, Set<String> used) {
    String given = spec.path("keyPrefix").asText(null);
    if (given != null) {
      if (!given.matches("[a-zA-Z0-9]{3}") || !used.add(given)) {
        problems.add(where + ".keyPrefix: '" + given + "' is not a free 3-character prefix");
      }
      return given;
    }
    for (int i = 1; i < BASE62.length(); i++) {
      String candidate = "a0" + BASE62.charAt(i);
      if (used.add(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("Invalid metadata: too many custom objects");
  }
}
