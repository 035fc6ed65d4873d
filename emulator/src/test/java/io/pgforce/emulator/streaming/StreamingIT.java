package io.pgforce.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Change Data Capture end to end with a real Bayeux client (built like EMP-Connector): writes over
 * REST arrive as change events, and a subscriber that loses its connection resumes from its last
 * replayId and receives exactly the events it missed.
 */
class StreamingIT extends EmulatorTestBase {

  private static final String ACCOUNTS = "/data/AccountChangeEvent";
  private static final Duration DEADLINE = Duration.ofSeconds(15);

  @Test
  void aRestWriteArrivesAsAChangeEventNamingTheCallersClient() throws Exception {
    try (EmpStyleClient client = subscribed(ACCOUNTS, EventLog.NEW_ONLY)) {
      RestClient pgforce = api.withHeader("Sforce-Call-Options", "client=pgforce");
      String id =
          pgforce.post(V + "/sobjects/Account", "{\"Name\":\"Acme\"}").json().get("id").asText();
      pgforce.patch(V + "/sobjects/Account/" + id, "{\"Phone\":\"555\"}");

      await().atMost(DEADLINE).until(() -> client.events().size() == 2);
      Map<?, ?> update = payload(client.events().get(1));
      Map<?, ?> header = (Map<?, ?>) update.get("ChangeEventHeader");
      assertThat(header.get("changeType")).isEqualTo("UPDATE");
      assertThat(header.get("changeOrigin"))
          .isEqualTo("com/salesforce/api/rest/60.0;client=pgforce");
      assertThat(header.get("recordIds")).isEqualTo(List.of(id));
      assertThat(update.get("Phone")).isEqualTo("555");
    }
  }

  @Test
  void aCustomObjectPublishesOnItsOwnChannelAndOnTheAllChannel() throws Exception {
    try (EmpStyleClient invoices = subscribed("/data/Invoice__ChangeEvent", EventLog.NEW_ONLY);
        EmpStyleClient all = subscribed(CdcChannels.ALL, EventLog.NEW_ONLY)) {
      assertThat(emulator.changeEvents().subscribers("/data/Invoice__ChangeEvent")).isEqualTo(1);
      assertThat(emulator.changeEvents().subscribers(CdcChannels.ALL)).isEqualTo(1);
      assertThat(emulator.changeEvents().subscribers(ACCOUNTS)).isZero();
      create("Invoice__c", "{\"Name\":\"INV-1\"}");
      create("Account", "{\"Name\":\"Acme\"}");

      await().atMost(DEADLINE).until(() -> all.events().size() == 2);
      await().atMost(DEADLINE).until(() -> invoices.events().size() == 1);
      assertThat(invoices.replayIds()).containsExactly(all.replayIds().get(0));
    }
  }

  @Test
  void resubscribingFromASavedReplayIdAfterADropReceivesExactlyTheMissedEvents() throws Exception {
    long saved;
    try (EmpStyleClient first = subscribed(ACCOUNTS, EventLog.NEW_ONLY)) {
      createAccounts(2);
      await().atMost(DEADLINE).until(() -> first.events().size() == 2);
      saved = first.lastReplayId(ACCOUNTS);

      // The connection drops and the session expires: the client cannot get back in.
      emulator.expireSessions();
      emulator.streamingFaults().dropConnections();
      await().atMost(DEADLINE).until(() -> !first.failures().isEmpty());
      assertThat(first.failures().get(0).get("error")).isEqualTo("403::Handshake denied");
    }
    api = anonymous.withToken(emulator.accessToken());
    List<String> missed = createAccounts(3);

    try (EmpStyleClient resumed = subscribed(ACCOUNTS, saved)) {
      await().atMost(DEADLINE).until(() -> resumed.events().size() == 3);
      createAccounts(1);
      await().atMost(DEADLINE).until(() -> resumed.events().size() == 4);

      assertThat(resumed.replayIds()).containsExactly(saved + 1, saved + 2, saved + 3, saved + 4);
      assertThat(resumed.events().subList(0, 3))
          .extracting(e -> (Object) ((List<?>) header(e).get("recordIds")).get(0))
          .containsExactlyElementsOf(missed);
    }
  }

  @Test
  void aDroppedClientReconnectsByItselfAndLosesNothing() throws Exception {
    try (EmpStyleClient client = subscribed(ACCOUNTS, EventLog.NEW_ONLY)) {
      createAccounts(1);
      await().atMost(DEADLINE).until(() -> client.events().size() == 1);

      emulator.streamingFaults().dropConnections();
      createAccounts(2);
      await().atMost(DEADLINE).until(() -> client.events().size() >= 3);
      createAccounts(1);
      await().atMost(DEADLINE).until(() -> client.events().size() >= 4);

      List<Long> ids = client.replayIds();
      assertThat(ids).hasSize(4).doesNotHaveDuplicates().isSorted();
      assertThat(ids.get(3) - ids.get(0)).isEqualTo(3);
    }
  }

  @Test
  void replayAllDeliversRetainedEventsThenLiveOnes() throws Exception {
    createAccounts(2);
    try (EmpStyleClient client = subscribed(ACCOUNTS, EventLog.REPLAY_ALL)) {
      await().atMost(DEADLINE).until(() -> client.events().size() == 2);
      createAccounts(1);
      await().atMost(DEADLINE).until(() -> client.events().size() == 3);
      assertThat(client.replayIds()).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void aReplayIdOlderThanRetentionIsRefused() throws Exception {
    emulator.eventRetention(new EventRetention(Duration.ofHours(72), 2));
    createAccounts(4);
    try (EmpStyleClient client = subscribed(ACCOUNTS, 1)) {
      await().atMost(DEADLINE).until(() -> !client.failures().isEmpty());
      assertThat((String) client.failures().get(0).get("error"))
          .startsWith("400::The replayId {1} you provided was invalid.");
    } finally {
      emulator.eventRetention(EventRetention.defaults());
    }
  }

  @Test
  void delayedEventsArriveLateButInOrder() throws Exception {
    try (EmpStyleClient client = subscribed(ACCOUNTS, EventLog.NEW_ONLY)) {
      emulator.streamingFaults().delayEvents(Duration.ofMillis(300));
      long start = System.nanoTime();
      createAccounts(2);
      await().atMost(DEADLINE).until(() -> client.events().size() == 2);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(300));
      assertThat(client.replayIds()).isSorted();
    }
  }

  @Test
  void gapFaultsReplaceEventsOverHttp() throws Exception {
    try (EmpStyleClient client = subscribed(ACCOUNTS, EventLog.NEW_ONLY)) {
      String base = "/__emulator__/faults/streaming";
      assertThat(anonymous.post(base + "/gaps", "{\"object\":\"Account\",\"changes\":1}").status())
          .isEqualTo(204);
      createAccounts(1);
      assertThat(
              anonymous
                  .post(
                      base + "/gap-events",
                      "{\"object\":\"Account\",\"changeType\":\"GAP_OVERFLOW\"}")
                  .status())
          .isEqualTo(204);

      await().atMost(DEADLINE).until(() -> client.events().size() == 2);
      assertThat(client.events())
          .extracting(e -> (Object) header(e).get("changeType"))
          .containsExactly("GAP_CREATE", "GAP_OVERFLOW");
      assertThat(
              anonymous.post(base + "/gaps", "{\"object\":\"Nope\"}").json().get("error").asText())
          .isEqualTo("No object named Nope");
    }
  }

  @Test
  void streamingFaultControlsOverHttp() throws Exception {
    String base = "/__emulator__/faults/streaming";
    try (EmpStyleClient client = subscribed(ACCOUNTS, EventLog.NEW_ONLY)) {
      createAccounts(1);
      await().atMost(DEADLINE).until(() -> client.events().size() == 1);
      assertThat(anonymous.post(base + "/delay", "{\"delayMs\":250}").status()).isEqualTo(204);

      JsonNode state = anonymous.get(base).json();
      assertThat(state.get("delayMs").asLong()).isEqualTo(250);
      assertThat(state.get("connectedClients").asInt()).isEqualTo(1);
      assertThat(state.get("lastReplayId").asLong()).isEqualTo(client.lastReplayId(ACCOUNTS));
      assertThat(state.get("retainedEvents").asInt()).isEqualTo(1);

      assertThat(anonymous.delete(base + "/delay").status()).isEqualTo(204);
      assertThat(emulator.streamingFaults().eventDelay()).isZero();
      assertThat(anonymous.post(base + "/delay", "{\"delayMs\":-1}").status()).isEqualTo(400);
      assertThat(anonymous.post(base + "/drop-connections", "").status()).isEqualTo(204);
      createAccounts(1);
      await().atMost(DEADLINE).until(() -> client.events().size() == 2);
      assertThat(anonymous.delete(base).status()).isEqualTo(204);
    }
  }

  @Test
  void objectsLeftOutOfTheSelectionDoNotPublish() throws Exception {
    emulator.publishChangeEventsFor("Contact");
    try (EmpStyleClient client = subscribed(CdcChannels.ALL, EventLog.NEW_ONLY)) {
      createAccounts(1);
      create("Contact", "{\"LastName\":\"Smith\"}");
      await().atMost(DEADLINE).until(() -> client.events().size() == 1);
      assertThat(header(client.events().get(0)).get("entityName")).isEqualTo("Contact");
    }
  }

  private EmpStyleClient subscribed(String channel, long replayFrom) throws Exception {
    String token = emulator.accessToken();
    EmpStyleClient client =
        new EmpStyleClient(emulator.streamingUrl(), () -> token).start(channel, replayFrom);
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                client.bayeux().isConnected()
                    && (client.bayeux().getChannel(channel).getSubscribers().size() == 1
                        || !client.failures().isEmpty()));
    // The server registers a subscription (after replaying) on its dispatcher thread.
    emulator.changeEvents().lastReplayId();
    return client;
  }

  private List<String> createAccounts(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> create("Account", "{\"Name\":\"A" + i + "\"}"))
        .toList();
  }

  private static Map<?, ?> payload(Map<String, Object> data) {
    return (Map<?, ?>) data.get("payload");
  }

  private static Map<?, ?> header(Map<String, Object> data) {
    return (Map<?, ?>) payload(data).get("ChangeEventHeader");
  }
}
