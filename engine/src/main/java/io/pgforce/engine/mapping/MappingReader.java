package io.pgforce.engine.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.engine.Problems;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one entry of a mapping document's {@code mappings} list, noting what is wrong with it. */
final class MappingReader {

  private final JsonNode node;
  private final String path;
  private final Problems problems;

  private MappingReader(JsonNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
  }

  static Optional<Mapping> read(JsonNode node, String path, Problems problems) {
    return new MappingReader(node, path, problems).read();
  }

  private Optional<Mapping> read() {
    int before = problems.size();
    String objectName = objectName();
    JsonNode config = node.path("config");
    if (!config.isObject()) {
      problems.add(path + ".config", "missing; it holds access, fields and the sync settings");
      return Optional.empty();
    }
    Access access = access(config);
    int polling = positiveInt(config, "sf_polling_seconds", Mapping.DEFAULT_POLLING_SECONDS);
    int apiCalls =
        positiveInt(config, "sf_max_daily_api_calls", Mapping.DEFAULT_MAX_DAILY_API_CALLS);
    boolean notify = bool(config, "sf_notify_enabled");
    List<String> fields = fields(config);
    Map<String, Boolean> indexes = indexes(config);
    Optional<String> upsert = upsertField(config, fields);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new Mapping(objectName, access, notify, polling, apiCalls, fields, indexes, upsert));
  }

  private String objectName() {
    JsonNode name = node.path("object_name");
    if (!name.isTextual() || name.asText().isBlank()) {
      problems.add(path + ".object_name", "missing; give the Salesforce object's API name");
      return null;
    }
    if (!ApiNames.isValid(name.asText())) {
      problems.add(path + ".object_name", ApiNames.problem(name.asText()));
    }
    return name.asText();
  }

  private Access access(JsonNode config) {
    JsonNode value = config.path("access");
    try {
      return Access.fromJson(value.isMissingNode() ? "read_only" : value.asText());
    } catch (IllegalArgumentException e) {
      problems.add(path + ".config.access", e.getMessage());
      return null;
    }
  }

  private int positiveInt(JsonNode config, String key, int fallback) {
    JsonNode v = config.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return fallback;
    }
    if (!v.canConvertToInt() || v.asInt() <= 0) {
      problems.add(path + ".config." + key, "must be a positive whole number, got " + v);
      return fallback;
    }
    return v.asInt();
  }

  private boolean bool(JsonNode config, String key) {
    JsonNode v = config.path(key);
    if (!v.isMissingNode() && !v.isBoolean()) {
      problems.add(path + ".config." + key, "must be true or false, got " + v);
    }
    return v.asBoolean(false);
  }

  private List<String> fields(JsonNode config) {
    JsonNode fields = config.path("fields");
    List<String> names = new ArrayList<>();
    if (!fields.isObject()) {
      String got = fields.isMissingNode() ? "missing" : "got " + fields;
      problems.add(
          path + ".config.fields",
          "must be an object of field names, like {\"Name\": {}, \"Phone\": {}}; " + got);
      return names;
    }
    for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!ApiNames.isValid(f)) {
        problems.add(path + ".config.fields." + f, ApiNames.problem(f));
      }
      names.add(f);
    }
    return names;
  }

  private Map<String, Boolean> indexes(JsonNode config) {
    Map<String, Boolean> indexes = new LinkedHashMap<>();
    JsonNode node = config.path("indexes");
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!ApiNames.isValid(e.getKey())) {
        problems.add(path + ".config.indexes." + e.getKey(), ApiNames.problem(e.getKey()));
      }
      indexes.put(e.getKey(), e.getValue().path("unique").asBoolean(false));
    }
    return indexes;
  }

  private Optional<String> upsertField(JsonNode config, List<String> fields) {
    JsonNode v = config.path("upsert_field");
    if (v.isMissingNode() || v.isNull() || v.asText().isEmpty()) {
      return Optional.empty();
    }
    if (fields.stream().noneMatch(f -> f.equalsIgnoreCase(v.asText()))) {
      problems.add(
          path + ".config.upsert_field",
          "'" + v.asText() + "' is not among the mapping's fields; add it to fields too");
    }
    return Optional.of(v.asText());
  }
}
