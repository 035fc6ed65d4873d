package io.pgforce.emulator.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads what an emulator's change event log holds, for tests of other packages. */
public final class EventLogProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CdcStreaming streaming;

  public EventLogProbe(CdcStreaming streaming) {
    this.streaming = streaming;
  }

  /** The payloads of every retained event, oldest first. */
  public List<JsonNode> payloads() {
    return streaming.retainedAfter(EventLog.REPLAY_ALL).stream()
        .map(e -> parse(e.payloadJson()))
        .toList();
  }

  public JsonNode lastPayload() {
    List<JsonNode> all = payloads();
    return all.get(all.size() - 1);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
