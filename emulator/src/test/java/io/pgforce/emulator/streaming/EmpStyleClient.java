package io.pgforce.emulator.streaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * A CDC subscriber built the way Salesforce's EMP-Connector builds one on CometD's BayeuxClient: a
 * bearer token on every request, a replay extension that sends each channel's replayId on {@code
 * /meta/subscribe} and remembers the replayId of every event received, and re-subscription after
 * every successful (re-)handshake, from the last replayId seen. Written for these tests from the
 * documented behaviour; it shares no code with EMP-Connector.
 */
final class EmpStyleClient implements AutoCloseable {

  /** The replay extension: channel to replayId, sent on subscribe and advanced by each event. */
  static final class ReplayExtension implements ClientSession.Extension {
    private final Map<String, Long> replayIds = new ConcurrentHashMap<>();

    @Override
    public boolean sendMeta(ClientSession session, Message.Mutable message) {
      if (Channel.META_SUBSCRIBE.equals(message.getChannel())) {
        message.getExt(true).put("replay", Map.copyOf(replayIds));
      }
      return true;
    }

    @Override
    public boolean rcv(ClientSession session, Message.Mutable message) {
      if (message.getDataAsMap() != null
          && message.getDataAsMap().get("event") instanceof Map<?, ?> event
          && event.get("replayId") instanceof Number replayId) {
        replayIds.put(message.getChannel(), replayId.longValue());
      }
      return true;
    }

    long replayId(String channel) {
      return replayIds.getOrDefault(channel, EventLog.NEW_ONLY);
    }
  }

  private final HttpClient http = new HttpClient();
  private final ReplayExtension replay = new ReplayExtension();
  private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
  private final List<Message> failures = new CopyOnWriteArrayList<>();
  private final List<String> channels = new CopyOnWriteArrayList<>();
  private final BayeuxClient client;

  /**
   * @param url the streaming endpoint, {@code http://localhost:port/cometd/60.0}
   * @param token gives the access token for each request (a re-login may change it)
   */
  EmpStyleClient(String url, Supplier<String> token) throws Exception {
    http.start();
    JettyHttpClientTransport transport =
        new JettyHttpClientTransport(new java.util.HashMap<>(), http) {
          @Override
          protected void customize(Request request) {
            request.headers(h -> h.put("Authorization", "Bearer " + token.get()));
          }
        };
    client = new BayeuxClient(url, transport);
    client.addExtension(replay);
    client
        .getChannel(Channel.META_HANDSHAKE)
        .addListener((ClientSessionChannel.MessageListener) (channel, reply) -> onHandshake(reply));
  }

  /** Handshakes and, once that succeeds, subscribes to {@code channel} from {@code replayFrom}. */
  EmpStyleClient start(String channel, long replayFrom) {
    replay.replayIds.put(channel, replayFrom);
    channels.add(channel);
    client.handshake();
    return this;
  }

  /** Events received so far, as their {@code data} maps, in arrival order. */
  List<Map<String, Object>> events() {
    return List.copyOf(events);
  }

  List<Long> replayIds() {
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> data : events) {
      ids.add(((Number) ((Map<?, ?>) data.get("event")).get("replayId")).longValue());
    }
    return ids;
  }

  /** Unsuccessful meta replies received (handshake denied, subscription refused...). */
  List<Message> failures() {
    return List.copyOf(failures);
  }

  long lastReplayId(String channel) {
    return replay.replayId(channel);
  }

  BayeuxClient bayeux() {
    return client;
  }

  private void onHandshake(Message reply) {
    if (!reply.isSuccessful()) {
      failures.add(reply);
      return;
    }
    for (String channel : channels) {
      client
          .getChannel(channel)
          .subscribe(
              (c, message) -> events.add(message.getDataAsMap()),
              subscribeReply -> {
                if (!subscribeReply.isSuccessful()) {
                  failures.add(subscribeReply);
                }
              });
    }
  }

  @Override
  public void close() throws Exception {
    client.disconnect(5_000);
    http.stop();
  }
}
