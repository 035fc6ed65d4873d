package io.pgforce.engine.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parsers for configuration values, each failing with what it accepts. */
final class Parsers {

  private Parsers() {}

  static Function<String, String> text() {
    return s -> {
      if (s.isBlank()) {
        throw new IllegalArgumentException("must not be empty");
      }
      return s;
    };
  }

  static Function<String, Integer> intBetween(int min, int max) {
    return s -> {
      try {
        int v = Integer.parseInt(s.trim());
        if (v < min || v > max) {
          throw new IllegalArgumentException(
              "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("must be a whole number, got '" + s + "'");
      }
    };
  }

  static Function<String, Boolean> bool() {
    return s ->
        switch (s.trim().toLowerCase(Locale.ROOT)) {
          case "true", "yes", "on" -> true;
          case "false", "no", "off" -> false;
          default -> throw new IllegalArgumentException("must be true or false, got '" + s + "'");
        };
  }

  static Function<String, Path> path() {
    return s -> Path.of(text().apply(s));
  }

  static Function<String, String> url() {
    return s -> {
      if (!s.startsWith("https://") && !s.startsWith("http://")) {
        throw new IllegalArgumentException(
            "must be an http(s) URL such as https://login.salesforce.com, got '" + s + "'");
      }
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    };
  }

  static <E extends Enum<E>> Function<String, E> oneOf(Class<E> type) {
    return s -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().replace('_', '-').equalsIgnoreCase(s.trim())) {
          return e;
        }
      }
      String accepted =
          Arrays.stream(type.getEnumConstants())
              .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException("must be one of " + accepted + ", got '" + s + "'");
    };
  }

  static Function<String, String> apiVersion() {
    return s -> {
      if (!s.matches("\\d{2,3}\\.0")) {
        throw new IllegalArgumentException(
            "must be a Salesforce API version like 60.0, got '" + s + "'");
      }
      return s;
    };
  }
}
