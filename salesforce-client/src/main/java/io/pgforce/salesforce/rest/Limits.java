package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The org's limits from {@code GET /limits}, by name ({@code DailyApiRequests}, ...). */
public record Limits(Map<String, Limit> all) {

  public Limits {
    all = Map.copyOf(all);
  }

  /** Reads the body of {@code GET /limits}; entries without Max and Remaining are skipped. */
  public static Limits fromJson(JsonNode body) {
    Map<String, Limit> limits = new LinkedHashMap<>();
    body.fields()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue();
              if (value.has("Max") && value.has("Remaining")) {
                limits.put(
                    e.getKey(),
                    new Limit(value.get("Max").asLong(), value.get("Remaining").asLong()));
              }
            });
    return new Limits(limits);
  }

  public Optional<Limit> get(String name) {
    return Optional.ofNullable(all.get(name));
  }

  /** One limit: the allowance and what is left of it. */
  public record Limit(long max, long remaining) {
    public long used() {
      return max - remaining;
    }
  }
}
