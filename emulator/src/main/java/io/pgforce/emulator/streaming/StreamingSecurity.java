package io.pgforce.emulator.streaming;

import io.pgforce.emulator.metadata.OrgSchema;
import java.util.Optional;
import org.cometd.bayeux.server.BayeuxContext;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.SecurityPolicy;
import org.cometd.bayeux.server.ServerChannel;
import org.cometd.bayeux.server.ServerMessage;
import org.cometd.bayeux.server.ServerSession;

/**
 * Who may do what on the Bayeux server. A handshake needs a live access token in {@code
 * Authorization: OAuth <token>} (jsforce) or {@code Bearer <token>}; a subscription needs an
 * existing change event channel and a replayId that is still retained; clients never publish.
 *
 * <p>A refusal's Salesforce wording is left on the reply under {@link #REFUSAL}, for {@link
 * SalesforceReplies} to put in place of CometD's generic error.
 */
final class StreamingSecurity implements SecurityPolicy {

  /** Reply field carrying the Salesforce error of a refused request. */
  static final String REFUSAL = "pgforce.refusal";

  /** Session attribute: the access token the client shook hands with. */
  static final String TOKEN = "pgforce.token";

  private final OrgSchema schema;
  private final EventLog log;
  private final StreamingAuth auth;

  StreamingSecurity(OrgSchema schema, EventLog log, StreamingAuth auth) {
    this.schema = schema;
    this.log = log;
    this.auth = auth;
  }

  @Override
  public boolean canHandshake(BayeuxServer server, ServerSession session, ServerMessage message) {
    if (session.isLocalSession()) {
      return true;
    }
    Optional<String> token = bearer(message.getBayeuxContext());
    if (token.isEmpty() || auth.userFor(token.get()).isEmpty()) {
      return false;
    }
    session.setAttribute(TOKEN, token.get());
    return true;
  }

  /** Channels under /data may be created so a subscription to a wrong one gets the real error. */
  @Override
  public boolean canCreate(
      BayeuxServer server, ServerSession session, String channelId, ServerMessage message) {
    return session == null || session.isLocalSession() || CdcChannels.isCdc(channelId);
  }

  @Override
  public boolean canSubscribe(
      BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message) {
    if (session.isLocalSession()) {
      return true;
    }
    String name = channel.getId();
    if (!CdcChannels.exists(name, schema)) {
      return refuse(
          message, "400::The channel you requested to subscribe to does not exist {" + name + "}");
    }
    if (!log.canReplayFrom(ReplayOption.of(message, name))) {
      return refuse(
          message,
          "400::The replayId {"
              + ReplayOption.shown(message, name)
              + "} you provided was invalid.  Please provide a valid ID, -2 to replay all events,"
              + " or -1 to replay only new events.");
    }
    return true;
  }

  @Override
  public boolean canPublish(
      BayeuxServer server, ServerSession session, ServerChannel channel, ServerMessage message) {
    return session != null && session.isLocalSession();
  }

  /** Whether the token a client shook hands with is still a live session. */
  boolean stillValid(ServerSession session) {
    Object token = session.getAttribute(TOKEN);
    return token != null && auth.userFor(token.toString()).isPresent();
  }

  private static boolean refuse(ServerMessage message, String error) {
    ServerMessage.Mutable reply = message.getAssociated();
    if (reply != null) {
      reply.put(REFUSAL, error);
    }
    return false;
  }

  /** The token of {@code Authorization: OAuth <token>} or {@code Bearer <token>}. */
  static Optional<String> bearer(BayeuxContext context) {
    String header = context == null ? null : context.getHeader("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    for (String scheme : new String[] {"Bearer ", "OAuth "}) {
      if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return Optional.of(header.substring(scheme.length()).trim()).filter(t -> !t.isEmpty());
      }
    }
    return Optional.empty();
  }
}
