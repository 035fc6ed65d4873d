package io.pgforce.engine.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.TableDefinition;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a change event's payload onto the table's columns. Change Data Capture nests compound fields
 * ({@code "BillingAddress": {"City": ...}}, {@code "Name": {"LastName": ...}}), where the table has
 * one column per component ({@code billingcity}, {@code lastname}); fields the mapping does not
 * sync are dropped.
 */
final class EventFields {

  private EventFields() {}

  /** Column name to value text (null for a field the event nulled). */
  static Map<String, String> columns(TableDefinition def, ObjectNode payload) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        components(def, e.getKey(), e.getValue(), out);
      } else {
        def.column(e.getKey()).ifPresent(c -> out.put(c.name(), RecordRows.text(e.getValue())));
      }
    }
    return out;
  }

  private static void components(
      TableDefinition def, String compound, JsonNode value, Map<String, String> out) {
    String prefix =
        compound.endsWith("Address")
            ? compound.substring(0, compound.length() - "Address".length())
            : "";
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> part = it.next();
      Optional<Column> column =
          def.column(prefix + part.getKey()).or(() -> def.column(part.getKey()));
      column.ifPresent(c -> out.put(c.name(), RecordRows.text(part.getValue())));
    }
  }
}
