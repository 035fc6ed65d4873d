package io.pgforce.engine.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * One configuration key: where it lives in {@code pgforce.yml}, how its text becomes a value, its
 * default and what it means. Secret keys are never printed.
 *
 * @param parser turns the configured text into a value, throwing {@link IllegalArgumentException}
 *     with a message that says what is accepted
 */
public record ConfigKey<T>(
    String path,
    Function<String, T> parser,
    Optional<String> defaultText,
    boolean secret,
    String description) {

  /** The environment variable that overrides this key. */
  public String environmentVariable() {
    return "PGFORCE_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The key's default, parsed; empty when the key has none. */
  public Optional<T> defaultValue() {
    return defaultText.map(parser);
  }
}
