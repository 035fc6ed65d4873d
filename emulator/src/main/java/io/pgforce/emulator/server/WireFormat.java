package io.pgforce.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * How REST JSON writes typed values: datetimes as {@code 2024-01-31T10:00:00.000+0000}, dates as
 * {@code 2024-01-31}, times as {@code 10:00:00.000Z}, numbers as JSON numbers and compound
 * addresses as objects.
 */
public final class WireFormat {

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WireFormat() {}

  public static String dateTime(Instant instant) {
    return DATETIME.format(instant);
  }

  /** A value as stored in a record, as a JSON node. */
  public static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(dateTime(instant));
    }
    if (value instanceof LocalDate date) {
      return NODES.textNode(date.toString());
    }
    if (value instanceof LocalTime time) {
      return NODES.textNode(TIME.format(time));
    }
    if (value instanceof Map<?, ?> map) {
      var node = NODES.objectNode();
      map.forEach((k, v) -> node.set(k.toString(), value(v)));
      return node;
    }
    return NODES.textNode(value.toString());
  }
}
