package io.pgforce.emulator.streaming;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Follows CometD's subscriptions into the {@link EventDispatcher}: the dispatcher, not CometD's
 * channel broadcast, delivers change events, because a subscription starts with a replay that must
 * join the live stream without loss or repetition.
 */
final class CometdSubscriptions
    implements BayeuxServer.SubscriptionListener, BayeuxServer.SessionListener {

  private final EventDispatcher dispatcher;
  private final Map<String, SessionSubscriber> bySession = new ConcurrentHashMap<>();

  CometdSubscriptions(EventDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  public void subscribed(ServerSession session, ServerChannel channel, ServerMessage message) {
    if (session == null || session.isLocalSession() || !CdcChannels.isCdc(channel.getId())) {
      return;
    }
    dispatcher.subscribe(
        subscriber(session), channel.getId(), ReplayOption.of(message, channel.getId()));
  }

  @Override
  public void unsubscribed(ServerSession session, ServerChannel channel, ServerMessage message) {
    SessionSubscriber subscriber = session == null ? null : bySession.get(session.getId());
    if (subscriber != null) {
      dispatcher.unsubscribe(subscriber, channel.getId());
    }
  }

  @Override
  public void sessionRemoved(ServerSession session, ServerMessage message, boolean timeout) {
    SessionSubscriber subscriber = bySession.remove(session.getId());
    if (subscriber != null) {
      dispatcher.remove(subscriber);
    }
  }

  /** How many clients are subscribed to at least one channel. */
  int clients() {
    return bySession.size();
  }

  private SessionSubscriber subscriber(ServerSession session) {
    return bySession.computeIfAbsent(session.getId(), id -> new SessionSubscriber(session));
  }
}
