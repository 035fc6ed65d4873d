package io.pgforce.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pgforce.engine.ConfigurationException;
import io.pgforce.engine.Problems;
import io.pgforce.engine.mapping.MappingDocument;
import io.pgforce.engine.mapping.MappingJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@code pgforce.yml}: values from the file, each overridden by its environment variable,
 * then defaults. Every problem in the file, the environment and the mappings is reported in one
 * {@link ConfigurationException}.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> env;
  private final Problems problems = new Problems();
  private final java.util.Set<ConfigKey<?>> invalid = new java.util.HashSet<>();
  private Path baseDir = Path.of(".");

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Loads a file, with the process environment overriding it. */
  public static PgforceConfig load(Path file) {
    return load(file, System.getenv());
  }

  public static PgforceConfig load(Path file, Map<String, String> env) {
    ConfigLoader loader = new ConfigLoader(env);
    loader.baseDir = file.toAbsolutePath().getParent();
    JsonNode root = loader.readYaml(file);
    return loader.build(root, file.toString());
  }

  /** Loads from YAML text, for tests and for configuration that is not in a file. */
  public static PgforceConfig fromYaml(String yaml, Map<String, String> env) {
    ConfigLoader loader = new ConfigLoader(env);
    try {
      return loader.build(YAML.readTree(yaml.isBlank() ? "{}" : yaml), "configuration");
    } catch (IOException e) {
      loader.problems.add("configuration", "not valid YAML: " + e.getMessage());
      loader.problems.throwIfAny("Configuration");
      throw new IllegalStateException(e);
    }
  }

  private JsonNode readYaml(Path file) {
    try {
      JsonNode root = YAML.readTree(Files.readString(file));
      return root == null ? JSON.createObjectNode() : root;
    } catch (IOException e) {
      problems.add(file.toString(), "cannot be read as YAML: " + e.getMessage());
      return JSON.createObjectNode();
    }
  }

  private PgforceConfig build(JsonNode root, String source) {
    Map<String, String> fileValues = flatten(root);
    checkUnknownKeys(fileValues);
    Map<ConfigKey<?>, Object> values = new HashMap<>();
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      resolve(key, fileValues).ifPresent(v -> values.put(key, v));
    }
    RequiredKeys.check(values, invalid, problems);
    MappingDocument mappings = mappings(root, values);
    problems.throwIfAny("Configuration " + source);
    return new PgforceConfig(values, mappings);
  }

  private Optional<Object> resolve(ConfigKey<?> key, Map<String, String> fileValues) {
    String fromEnv = env.get(key.environmentVariable());
    String raw = fromEnv != null ? fromEnv : fileValues.get(key.path());
    if (raw == null && key == ConfigKeys.DATABASE_URL) {
      raw = env.get("DATABASE_URL"); // Heroku's convention, so pgforce runs there unconfigured
    }
    String where = fromEnv != null ? key.environmentVariable() : key.path();
    try {
      Object value = raw == null ? key.defaultValue().orElse(null) : key.parser().apply(raw);
      if (value instanceof Path p && fromEnv == null) {
        value = baseDir.resolve(p).normalize(); // relative to the file, not to where pgforce runs
      }
      if (key == ConfigKeys.DATABASE_URL && value != null) {
        DatabaseUrl.parse((String) value);
      }
      return Optional.ofNullable(value);
    } catch (IllegalArgumentException e) {
      problems.add(where, e.getMessage());
      invalid.add(key);
      return Optional.empty();
    }
  }

  private MappingDocument mappings(JsonNode root, Map<ConfigKey<?>, Object> values) {
    Path file = (Path) values.get(ConfigKeys.MAPPINGS_FILE);
    JsonNode inline = root.path("mappings");
    if (file != null && !inline.isMissingNode()) {
      problems.add("mappings", "give either mappings-file or inline mappings, not both");
    }
    try {
      if (file != null) {
        return MappingJson.read(Files.readString(file), file.toString());
      }
      if (!inline.isMissingNode()) {
        ObjectNode doc = JSON.createObjectNode();
        doc.set("mappings", inline);
        return MappingJson.read(JSON.writeValueAsString(doc), "inline mappings");
      }
      // No mappings here is fine: `pgforce mappings import` may have registered them in the
      // database.
    } catch (ConfigurationException e) {
      String where = file != null ? "mappings-file " + file : "mappings";
      e.problems().forEach(p -> problems.add(where, p));
    } catch (NoSuchFileException e) {
      problems.add(
          "mappings-file",
          "no file at " + file + " (a relative path is read from the configuration file's folder)");
    } catch (IOException e) {
      problems.add("mappings-file", "cannot read " + file + ": " + e);
    }
    return new MappingDocument(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  private void checkUnknownKeys(Map<String, String> fileValues) {
    for (String path : fileValues.keySet()) {
      if (ConfigKeys.ALL.stream().noneMatch(k -> k.path().equals(path))) {
        problems.add(path, "not a pgforce setting; the settings are listed in docs/operations.md");
      }
    }
  }

  /** Flattens nested YAML maps to dotted paths; the inline mappings list is read separately. */
  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      if (path.equals("mappings")) {
        continue;
      }
      if (e.getValue().isObject()) {
        flatten(path + ".", e.getValue(), out);
      } else if (!e.getValue().isNull()) {
        out.put(path, e.getValue().asText());
      }
    }
  }
}
