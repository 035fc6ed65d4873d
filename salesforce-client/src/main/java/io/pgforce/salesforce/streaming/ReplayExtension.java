package io.pgforce.salesforce.streaming;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSession;

/**
 * Salesforce's replay extension for Bayeux: the handshake announces {@code ext.replay=true}; the
 * server confirms it in its reply; each {@code /meta/subscribe} then carries {@code
 * ext.replay={channel: replayId}} saying where the stream resumes. Unlike EMP-Connector, the
 * position is not advanced here when a message arrives but by the subscription once its listener
 * has handled the event.
 */
final class ReplayExtension implements ClientSession.Extension {

  static final String REPLAY = "replay";

  private final String channel;
  private final ReplayPosition position;
  private volatile boolean supported;

  ReplayExtension(String channel, ReplayPosition position) {
    this.channel = channel;
    this.position = position;
  }

  @Override
  public boolean sendMeta(ClientSession session, Message.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel())) {
      message.getExt(true).put(REPLAY, Boolean.TRUE);
    } else if (Channel.META_SUBSCRIBE.equals(message.getChannel())
        && supported
        && isOurs(message)) {
      message.getExt(true).put(REPLAY, Map.of(channel, position.current()));
    }
    return true;
  }

  @Override
  public boolean rcvMeta(ClientSession session, Message.Mutable message) {
    if (Channel.META_HANDSHAKE.equals(message.getChannel()) && message.isSuccessful()) {
      Map<String, Object> ext = message.getExt();
      supported = ext != null && Boolean.TRUE.equals(ext.get(REPLAY));
    }
    return true;
  }

  boolean supported() {
    return supported;
  }

  private boolean isOurs(Message message) {
    return channel.equals(message.get(Message.SUBSCRIPTION_FIELD));
  }
}
