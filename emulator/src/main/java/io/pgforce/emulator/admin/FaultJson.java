package io.pgforce.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.emulator.faults.FaultInjector;
import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.emulator.server.Json;
import java.util.Iterator;
import java.util.Set;

/**
 * Fault rules as the admin API reads and writes them: {@code {"endpoint":"/composite/sobjects",
 * "method":"PATCH","rate":0.5,"status":503,"error":"UNABLE_TO_LOCK_ROW","message":"...",
 * "latencyMs":200,"perRecord":true,"times":3}}; every key is optional.
 */
final class FaultJson {

  private static final Set<String> KEYS =
      Set.of(
          "endpoint",
          "method",
          "rate",
          "status",
          "error",
          "message",
          "latencyMs",
          "perRecord",
          "times");

  private FaultJson() {}

  /**
   * The rule {@code body} describes.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static FaultRule read(JsonNode body) {
    Iterator<String> names = body.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new IllegalArgumentException("unknown key '" + name + "'; known keys: " + KEYS);
      }
    }
    FaultRule rule =
        new FaultRule(
            text(body, "endpoint"),
            text(body, "method"),
            body.path("rate").asDouble(1.0),
            body.hasNonNull("status") ? body.get("status").asInt() : null,
            text(body, "error"),
            text(body, "message"),
            body.path("latencyMs").asLong(0),
            body.path("perRecord").asBoolean(false),
            body.hasNonNull("times") ? body.get("times").asInt() : null);
    if (!rule.fails() && rule.latencyMs() == 0) {
      throw new IllegalArgumentException("a fault needs a status, an error or a latencyMs");
    }
    if (rule.perRecord() && !rule.fails()) {
      throw new IllegalArgumentException("a perRecord fault needs a status or an error");
    }
    return rule;
  }

  static ObjectNode write(FaultInjector.ActiveRule active) {
    FaultRule rule = active.rule();
    ObjectNode node = Json.object();
    node.put("id", active.id());
    node.put("endpoint", rule.endpoint());
    node.put("method", rule.method());
    node.put("rate", rule.rate());
    node.put("status", rule.status());
    node.put("error", rule.error());
    node.put("message", rule.message());
    node.put("latencyMs", rule.latencyMs());
    node.put("perRecord", rule.perRecord());
    node.put("times", rule.times());
    return node;
  }

  private static String text(JsonNode body, String key) {
    return body.hasNonNull(key) ? body.get(key).asText() : null;
  }
}
