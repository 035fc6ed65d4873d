package io.pgforce.emulator.streaming;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometd.bayeux.Promise;
import org.cometd.bayeux.server.ServerSession;
import org.eclipse.jetty.util.ajax.JSON;

/**
 * A CometD client as a {@link Subscriber}: each event becomes a message whose {@code data} is
 * {@code {"schema":...,"payload":{...},"event":{"replayId":N}}}. The payload is written from the
 * retained JSON as it is, without parsing it again.
 */
final class SessionSubscriber implements Subscriber {

  private final ServerSession session;

  SessionSubscriber(ServerSession session) {
    this.session = session;
  }

  @Override
  public void deliver(String channel, RetainedEvent event) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("schema", event.schema());
    data.put("payload", new JSON.Literal(event.payloadJson()));
    data.put("event", Map.of("replayId", event.replayId()));
    session.deliver(null, channel, data, Promise.noop());
  }

  @Override
  public String toString() {
    return "SessionSubscriber[" + session.getId() + "]";
  }
}
