package io.pgforce.emulator.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Keeps what the dispatcher delivers, for assertions. */
final class RecordingSubscriber implements Subscriber {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One delivery. */
  record Delivery(String channel, RetainedEvent event) {
    JsonNode header() {
      return payload().get(ChangeEventBodies.HEADER);
    }

    JsonNode payload() {
      try {
        return JSON.readTree(event.payloadJson());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final List<Delivery> deliveries = new ArrayList<>();

  @Override
  public synchronized void deliver(String channel, RetainedEvent event) {
    deliveries.add(new Delivery(channel, event));
  }

  synchronized List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized List<Long> replayIds() {
    return deliveries.stream().map(d -> d.event().replayId()).toList();
  }

  synchronized List<String> changeTypes() {
    return deliveries.stream().map(d -> d.header().get("changeType").asText()).toList();
  }
}
