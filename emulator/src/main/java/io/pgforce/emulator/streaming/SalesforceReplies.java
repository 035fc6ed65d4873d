package io.pgforce.emulator.streaming;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;

/**
 * Makes CometD's meta replies read like Salesforce's: a successful handshake announces the replay
 * and payload-format extensions; a refused one says {@code 403::Handshake denied} with {@code
 * ext.sfdc.failureReason} {@code 401::Authentication invalid}; an unknown or expired client gets
 * {@code 403::Unknown client} (CometD says {@code 402::session_unknown}) with advice to handshake
 * again; and refused subscriptions carry the reason {@link StreamingSecurity} left.
 *
 * <p>It also ends the Bayeux session of a client whose access token has expired since its
 * handshake, so its next {@code /meta/connect} is answered as for an unknown client and it must
 * authenticate again, as with Salesforce.
 */
final class SalesforceReplies implements BayeuxServer.Extension {

  private final StreamingSecurity security;
  private final BayeuxServerImpl bayeux;

  SalesforceReplies(StreamingSecurity security, BayeuxServerImpl bayeux) {
    this.security = security;
    this.bayeux = bayeux;
  }

  @Override
  public boolean rcvMeta(ServerSession from, ServerMessage.Mutable message) {
    boolean connect = Channel.META_CONNECT.equals(message.getChannel());
    if (connect && from != null && !from.isLocalSession() && !security.stillValid(from)) {
      // As if it had expired: CometD then advises the client to handshake again.
      bayeux.removeServerSession(from, true);
    }
    return true;
  }

  @Override
  public boolean sendMeta(ServerSession to, ServerMessage.Mutable reply) {
    Object refusal = reply.remove(StreamingSecurity.REFUSAL);
    if (refusal != null) {
      reply.put(Message.ERROR_FIELD, refusal);
    }
    if (Channel.META_HANDSHAKE.equals(reply.getChannel())) {
      handshake(reply);
    }
    if ("402::session_unknown".equals(reply.get(Message.ERROR_FIELD))) {
      reply.put(Message.ERROR_FIELD, "403::Unknown client");
    }
    return true;
  }

  private static void handshake(ServerMessage.Mutable reply) {
    Map<String, Object> ext = reply.getExt(true);
    ext.put(ReplayOption.EXT_KEY, true);
    ext.put("payload.format", true);
    if (!reply.isSuccessful() && "403::handshake_denied".equals(reply.get(Message.ERROR_FIELD))) {
      reply.put(Message.ERROR_FIELD, "403::Handshake denied");
      Map<String, Object> sfdc = new LinkedHashMap<>();
      sfdc.put("failureReason", "401::Authentication invalid");
      ext.put("sfdc", sfdc);
    }
  }
}
