package io.pgforce.salesforce.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.salesforce.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a CometD change-event message, {@code {"data":{"payload":{"ChangeEventHeader":{...},
 * ...fields},"event":{"replayId":N}},"channel":"..."}}, into a {@link ChangeEvent}.
 */
final class ChangeEvents {

  private static final String HEADER = "ChangeEventHeader";

  private ChangeEvents() {}

  /** From the data map CometD hands over, and the message's channel. */
  static ChangeEvent fromData(String channel, Map<String, Object> data) {
    return fromData(channel, (JsonNode) Json.MAPPER.valueToTree(data));
  }

  static ChangeEvent fromData(String channel, JsonNode data) {
    JsonNode replayId = data.path("event").path("replayId");
    JsonNode payload = data.path("payload");
    if (!replayId.canConvertToLong() || !payload.path(HEADER).isObject()) {
      throw new IllegalArgumentException(
          "not a change event (no replayId or ChangeEventHeader): " + data);
    }
    ObjectNode fields = ((ObjectNode) payload).deepCopy();
    JsonNode header = fields.remove(HEADER);
    return new ChangeEvent(replayId.asLong(), channel, header(header), fields);
  }

  static ChangeEventHeader header(JsonNode h) {
    return new ChangeEventHeader(
        h.path("entityName").asText(),
        strings(h.path("recordIds")),
        ChangeType.valueOf(h.path("changeType").asText()),
        text(h, "changeOrigin"),
        text(h, "transactionKey"),
        h.path("sequenceNumber").asInt(),
        h.path("isTransactionEnd").asBoolean(),
        h.path("commitTimestamp").asLong(),
        h.path("commitNumber").asLong(),
        text(h, "commitUser"),
        strings(h.path("changedFields")),
        strings(h.path("nulledFields")),
        strings(h.path("diffFields")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
