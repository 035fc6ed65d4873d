package io.pgforce.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Bayeux messages themselves, over plain HTTP, compared with what Salesforce sends: handshake
 * replies, refusals and their wording, and the shape of a change event.
 */
class BayeuxWireIT extends EmulatorTestBase {

  private static final String COMETD = "/cometd/60.0";

  @Test
  void handshakeWithALiveTokenAnnouncesReplayAndLongPollingAdvice() {
    JsonNode reply = handshake(bayeux("OAuth " + emulator.accessToken()));

    assertThat(reply.get("successful").asBoolean()).isTrue();
    assertThat(reply.get("clientId").asText()).isNotBlank();
    assertThat(reply.at("/ext/replay").asBoolean()).isTrue();
    assertThat(reply.at("/ext/payload.format").asBoolean()).isTrue();
    assertThat(reply.at("/advice/timeout").asLong()).isEqualTo(110_000);
    assertThat(reply.at("/advice/interval").asLong()).isZero();
    assertThat(reply.at("/advice/reconnect").asText()).isEqualTo("retry");
  }

  @Test
  void handshakeWithABadTokenIsDeniedAsAuthenticationInvalid() {
    JsonNode reply = handshake(bayeux("Bearer not-a-token"));

    assertThat(reply.get("successful").asBoolean()).isFalse();
    assertThat(reply.get("error").asText()).isEqualTo("403::Handshake denied");
    assertThat(reply.at("/ext/sfdc/failureReason").asText())
        .isEqualTo("401::Authentication invalid");
    assertThat(reply.at("/advice/reconnect").asText()).isEqualTo("none");
    assertThat(handshake(bayeux(null)).get("error").asText()).isEqualTo("403::Handshake denied");
  }

  @Test
  void anUnknownClientIsToldToHandshakeAgain() {
    JsonNode reply =
        first(
            bayeux("OAuth " + emulator.accessToken())
                .post(
                    COMETD + "/connect",
                    "[{\"channel\":\"/meta/connect\",\"clientId\":\"nosuchclient\","
                        + "\"connectionType\":\"long-polling\"}]"));

    assertThat(reply.get("successful").asBoolean()).isFalse();
    assertThat(reply.get("error").asText()).isEqualTo("403::Unknown client");
    assertThat(reply.at("/advice/reconnect").asText()).isEqualTo("handshake");
  }

  @Test
  void aClientWhoseSessionExpiredBecomesUnknown() {
    BayeuxHttp client = bayeux("OAuth " + emulator.accessToken());
    String clientId = handshake(client).get("clientId").asText();
    emulator.expireSessions();

    JsonNode reply = connect(client, clientId).get(0);
    assertThat(reply.get("error").asText()).isEqualTo("403::Unknown client");
    assertThat(reply.at("/advice/reconnect").asText()).isEqualTo("handshake");
    assertThat(handshake(client).get("error").asText()).isEqualTo("403::Handshake denied");
  }

  @Test
  void subscribingToAnUnknownChannelOrAnUnavailableReplayIdIsRefused() {
    BayeuxHttp client = bayeux("OAuth " + emulator.accessToken());
    String clientId = handshake(client).get("clientId").asText();

    JsonNode unknown = subscribe(client, clientId, "/data/NopeChangeEvent", null);
    assertThat(unknown.get("successful").asBoolean()).isFalse();
    assertThat(unknown.get("error").asText())
        .isEqualTo(
            "400::The channel you requested to subscribe to does not exist"
                + " {/data/NopeChangeEvent}");

    JsonNode badReplay = subscribe(client, clientId, CdcChannels.ALL, 12345L);
    assertThat(badReplay.get("successful").asBoolean()).isFalse();
    assertThat(badReplay.get("error").asText())
        .isEqualTo(
            "400::The replayId {12345} you provided was invalid.  Please provide a valid ID, -2 to"
                + " replay all events, or -1 to replay only new events.");
  }

  @Test
  void aReplayedChangeEventHasSalesforcesShape() {
    String id = create("Account", "{\"Name\":\"Acme\",\"BillingCity\":\"Paris\"}");
    BayeuxHttp client = bayeux("OAuth " + emulator.accessToken());
    String clientId = handshake(client).get("clientId").asText();
    // The replayed event may ride on the subscribe reply itself, so keep what that reply carries.
    JsonNode reply = subscribeReply(client, clientId, "/data/AccountChangeEvent", -2L);
    assertThat(reply(reply, "/meta/subscribe").get("successful").asBoolean()).isTrue();
    List<JsonNode> events = new ArrayList<>(dataOn(reply, "/data/AccountChangeEvent"));

    JsonNode event = awaitEvent(client, clientId, "/data/AccountChangeEvent", events);
    assertThat(event.at("/data/schema").asText()).hasSize(22);
    assertThat(event.at("/data/event/replayId").asLong()).isPositive();
    JsonNode payload = event.at("/data/payload");
    assertThat(payload.at("/ChangeEventHeader/entityName").asText()).isEqualTo("Account");
    assertThat(payload.at("/ChangeEventHeader/recordIds/0").asText()).isEqualTo(id);
    assertThat(payload.at("/ChangeEventHeader/changeType").asText()).isEqualTo("CREATE");
    assertThat(payload.at("/ChangeEventHeader/commitTimestamp").asLong())
        .isEqualTo(clock.instant().toEpochMilli());
    assertThat(payload.get("Name").asText()).isEqualTo("Acme");
    assertThat(payload.at("/BillingAddress/City").asText()).isEqualTo("Paris");
    assertThat(payload.get("CreatedDate").asText()).isEqualTo("2024-06-03T12:00:00Z");
    assertThat(payload.has("SystemModstamp")).isFalse();
  }

  @Test
  void clientsCannotPublishToChangeEventChannels() {
    BayeuxHttp client = bayeux("OAuth " + emulator.accessToken());
    String clientId = handshake(client).get("clientId").asText();
    JsonNode reply =
        first(
            client.post(
                COMETD,
                "[{\"channel\":\"/data/ChangeEvents\",\"clientId\":\""
                    + clientId
                    + "\",\"data\":{}}]"));
    assertThat(reply.get("successful").asBoolean()).isFalse();
  }

  /** A Bayeux client over plain HTTP: it keeps cookies, as CometD requires (BAYEUX_BROWSER). */
  private static BayeuxHttp bayeux(String authorization) {
    return new BayeuxHttp(emulator.baseUrl(), authorization);
  }

  private static JsonNode handshake(BayeuxHttp client) {
    return first(
        client.post(
            COMETD + "/handshake",
            "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]}]"));
  }

  /** A connect the server answers at once ({@code timeout} 0), with whatever is queued. */
  private static JsonNode connect(BayeuxHttp client, String clientId) {
    BayeuxHttp.Response response =
        client.post(
            COMETD + "/connect",
            "[{\"channel\":\"/meta/connect\",\"clientId\":\""
                + clientId
                + "\",\"connectionType\":\"long-polling\",\"advice\":{\"timeout\":0}}]");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode subscribe(
      BayeuxHttp client, String clientId, String channel, Long replayId) {
    return reply(subscribeReply(client, clientId, channel, replayId), "/meta/subscribe");
  }

  /** The whole response to a subscribe: its reply and any queued messages delivered with it. */
  private static JsonNode subscribeReply(
      BayeuxHttp client, String clientId, String channel, Long replayId) {
    String ext =
        replayId == null ? "" : ",\"ext\":{\"replay\":{\"" + channel + "\":" + replayId + "}}";
    return all(
        client.post(
            COMETD,
            "[{\"channel\":\"/meta/subscribe\",\"clientId\":\""
                + clientId
                + "\",\"subscription\":\""
                + channel
                + "\""
                + ext
                + "}]"));
  }

  /** Connects (without waiting on the server) until an event arrives on {@code channel}. */
  private static JsonNode awaitEvent(
      BayeuxHttp client, String clientId, String channel, List<JsonNode> events) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              events.addAll(dataOn(connect(client, clientId), channel));
              return !events.isEmpty();
            });
    return events.get(0);
  }

  private static List<JsonNode> dataOn(JsonNode messages, String channel) {
    List<JsonNode> data = new ArrayList<>();
    for (JsonNode message : messages) {
      if (channel.equals(message.path("channel").asText()) && message.has("data")) {
        data.add(message);
      }
    }
    return data;
  }

  /** The reply on a meta channel, wherever the server placed it among queued messages. */
  private static JsonNode reply(JsonNode messages, String metaChannel) {
    for (JsonNode message : messages) {
      if (metaChannel.equals(message.path("channel").asText())) {
        return message;
      }
    }
    throw new AssertionError("no " + metaChannel + " reply in " + messages);
  }

  private static JsonNode all(BayeuxHttp.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode first(BayeuxHttp.Response response) {
    return all(response).get(0);
  }
}
