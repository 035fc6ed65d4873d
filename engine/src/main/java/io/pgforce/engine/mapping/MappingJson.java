package io.pgforce.engine.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes Heroku Connect's mapping export/import JSON ({@code version: 1}). Reading
 * reports every problem in the file at once, each with its JSON path.
 */
public final class MappingJson {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter EXPORTED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  private MappingJson() {}

  /**
   * Parses a document; {@code source} names the file in error messages.
   *
   * @throws io.pgforce.engine.ConfigurationException listing every problem found
   */
  public static MappingDocument read(String json, String source) {
    Problems problems = new Problems();
    JsonNode root = parseTree(json, source, problems);
    MappingDocument doc = root == null ? null : readDocument(root, problems);
    problems.throwIfAny("Mapping file " + source);
    return doc;
  }

  /** Writes a document in Heroku Connect's export format. */
  public static String write(MappingDocument doc) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    ObjectNode connection = root.putObject("connection");
    doc.appName().ifPresent(v -> connection.put("app_name", v));
    doc.organizationId().ifPresent(v -> connection.put("organization_id", v));
    doc.exportedAt().ifPresent(v -> connection.put("exported_at", EXPORTED_AT.format(v)));
    ArrayNode mappings = root.putArray("mappings");
    doc.mappings().forEach(m -> mappings.add(writeMapping(m)));
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serializes", e);
    }
  }

  /** Reads one entry of the {@code mappings} list, as {@link #write(Mapping)} stores it. */
  public static Mapping readMapping(String entryJson, String source) {
    return read("{\"mappings\": [" + entryJson + "]}", source).mappings().get(0);
  }

  /** One mapping as its entry of the {@code mappings} list, for storing alongside engine state. */
  public static String write(Mapping mapping) {
    return writeMapping(mapping).toString();
  }

  private static JsonNode parseTree(String json, String source, Problems problems) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      problems.add(
          "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
          "not valid JSON: "
              + e.getOriginalMessage()
              + "; a mapping file is Heroku Connect's export: {\"mappings\": [...]}");
      return null;
    }
  }

  private static MappingDocument readDocument(JsonNode root, Problems problems) {
    if (root.has("version") && root.get("version").asInt() != 1) {
      problems.add("version", "only version 1 (Heroku Connect's format) is understood");
    }
    JsonNode connection = root.path("connection");
    JsonNode list = root.path("mappings");
    if (!list.isArray()) {
      problems.add(
          "mappings",
          (list.isMissingNode() ? "missing" : "must be a list, not " + list.getNodeType())
              + "; a mapping file holds \"mappings\": [{\"object_name\": ..., \"config\": {...}}]");
      return null;
    }
    List<Mapping> mappings = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      MappingReader.read(list.get(i), "mappings[" + i + "]", problems).ifPresent(mappings::add);
    }
    checkDistinct(mappings, problems);
    return new MappingDocument(
        text(connection, "app_name"),
        text(connection, "organization_id"),
        exportedAt(connection, problems),
        mappings);
  }

  private static void checkDistinct(List<Mapping> mappings, Problems problems) {
    List<String> seen = new ArrayList<>();
    for (Mapping m : mappings) {
      if (seen.contains(m.tableName())) {
        problems.add(
            "mappings", "object " + m.objectName() + " is mapped twice; keep one of the two");
      }
      seen.add(m.tableName());
    }
  }

  private static Optional<Instant> exportedAt(JsonNode connection, Problems problems) {
    Optional<String> raw = text(connection, "exported_at");
    try {
      return raw.map(s -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s, Instant::from));
    } catch (DateTimeParseException e) {
      problems.add("connection.exported_at", "not an ISO-8601 timestamp: " + raw.get());
      return Optional.empty();
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  private static ObjectNode writeMapping(Mapping m) {
    ObjectNode node = JSON.createObjectNode();
    node.put("object_name", m.objectName());
    ObjectNode config = node.putObject("config");
    config.put("access", m.access().json());
    config.put("sf_notify_enabled", m.sfNotifyEnabled());
    config.put("sf_polling_seconds", m.sfPollingSeconds());
    config.put("sf_max_daily_api_calls", m.sfMaxDailyApiCalls());
    ObjectNode fields = config.putObject("fields");
    m.fields().forEach(f -> fields.putObject(f));
    ObjectNode indexes = config.putObject("indexes");
    m.indexes().forEach((f, unique) -> indexes.putObject(f).put("unique", unique));
    m.upsertField().ifPresent(f -> config.put("upsert_field", f));
    return node;
  }
}
