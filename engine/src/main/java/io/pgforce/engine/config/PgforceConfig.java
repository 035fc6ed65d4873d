package io.pgforce.engine.config;

import io.pgforce.engine.mapping.MappingDocument;
import java.util.Map;
import java.util.Optional;

/** A loaded, validated configuration: a value (or its default) for every key, and the mappings. */
public final class PgforceConfig {

  private final Map<ConfigKey<?>, Object> values;
  private final MappingDocument mappings;

  PgforceConfig(Map<ConfigKey<?>, Object> values, MappingDocument mappings) {
    this.values = Map.copyOf(values);
    this.mappings = mappings;
  }

  /** The key's value, or its default; empty for an optional key that is not set. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> get(ConfigKey<T> key) {
    return Optional.ofNullable((T) values.get(key));
  }

  /** The value of a key that validation made sure is set. */
  public <T> T require(ConfigKey<T> key) {
    return get(key).orElseThrow(() -> new IllegalStateException(key.path() + " is not set"));
  }

  public DatabaseUrl database() {
    return DatabaseUrl.parse(require(ConfigKeys.DATABASE_URL));
  }

  public MappingDocument mappings() {
    return mappings;
  }

  /** The same configuration with other mappings, for checking an import against the org. */
  public PgforceConfig withMappings(MappingDocument other) {
    return new PgforceConfig(values, other);
  }

  /** The configuration with secrets hidden, for logs and {@code pgforce status}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("PgforceConfig{");
    for (ConfigKey<?> key : ConfigKeys.ALL) {
      get(key)
          .ifPresent(
              v -> sb.append(key.path()).append('=').append(key.secret() ? "***" : v).append(", "));
    }
    return sb.append(mappings.mappings().size()).append(" mappings}").toString();
  }
}
