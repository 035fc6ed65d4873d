package io.pgforce.emulator.streaming;

import io.pgforce.emulator.metadata.OrgSchema;
import org.cometd.bayeux.server.BayeuxServer;
import org.cometd.bayeux.server.ServerSession;
import org.cometd.server.BayeuxServerImpl;
import org.cometd.server.ServerSessionImpl;
import org.cometd.server.http.jakarta.CometDServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The Bayeux server clients subscribe to, at {@code /cometd/<version>} in the emulator's own Jetty,
 * with Salesforce's long-polling parameters: a {@code /meta/connect} is held up to 110 seconds and
 * retried at once ({@code interval} 0), and a client that has not reconnected within 40 seconds is
 * forgotten (and told {@code 403::Unknown client} when it comes back).
 */
public final class CometdEndpoint {

  /** The servlet mapping: every API version's endpoint. */
  public static final String PATH = "/cometd/*";

  static final long CONNECT_TIMEOUT_MS = 110_000;
  static final long MAX_INTERVAL_MS = 40_000;

  private final BayeuxServerImpl bayeux = new BayeuxServerImpl();
  private final CometdSubscriptions subscriptions;

  CometdEndpoint(OrgSchema schema, EventDispatcher dispatcher, StreamingAuth auth) {
    this.subscriptions = new CometdSubscriptions(dispatcher);
    StreamingSecurity security = new StreamingSecurity(schema, dispatcher.log(), auth);
    bayeux.setOption("timeout", CONNECT_TIMEOUT_MS);
    bayeux.setOption("interval", 0L);
    bayeux.setOption("maxInterval", MAX_INTERVAL_MS);
    bayeux.setSecurityPolicy(security);
    bayeux.addExtension(new SalesforceReplies(security, bayeux));
    bayeux.addListener(subscriptions);
  }

  /** Adds the CometD servlet to the emulator's servlet context; the servlet starts the server. */
  void mount(ServletContextHandler context) {
    ServletHolder holder = new ServletHolder("cometd", new ProvidedBayeuxServlet(bayeux));
    holder.setAsyncSupported(true);
    holder.setInitOrder(1);
    context.addServlet(holder, PATH);
  }

  /**
   * Forgets every client, as Salesforce does after a network failure or a server restart: each held
   * {@code /meta/connect} is ended, and the client's next one is answered {@code 403::Unknown
   * client} with advice to handshake again.
   */
  void dropConnections() {
    for (ServerSession session : bayeux.getSessions()) {
      if (!session.isLocalSession()) {
        bayeux.removeServerSession(session, true);
        ((ServerSessionImpl) session).destroyScheduler();
      }
    }
  }

  /** Clients currently subscribed to a change event channel. */
  int subscribedClients() {
    return subscriptions.clients();
  }

  /** Clients currently known to the server, subscribed or not. */
  int connectedClients() {
    return (int) bayeux.getSessions().stream().filter(s -> !s.isLocalSession()).count();
  }

  BayeuxServer bayeux() {
    return bayeux;
  }

  /** CometD's servlet, serving the server built above instead of making its own. */
  private static final class ProvidedBayeuxServlet extends CometDServlet {
    private final transient BayeuxServer provided;

    ProvidedBayeuxServlet(BayeuxServer provided) {
      this.provided = provided;
    }

    @Override
    protected BayeuxServer newBayeuxServer() {
      return provided;
    }
  }
}
