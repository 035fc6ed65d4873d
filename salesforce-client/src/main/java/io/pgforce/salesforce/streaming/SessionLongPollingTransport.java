package io.pgforce.salesforce.streaming;

import io.pgforce.salesforce.auth.AccessToken;
import io.pgforce.salesforce.auth.Session;
import java.util.Map;
import org.cometd.client.http.jetty.JettyHttpClientTransport;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;

/**
 * CometD's long-polling transport on the client's shared Jetty client, sending the session's
 * current token and the client name with every Bayeux request. Remembers the token it last sent, so
 * that a rejected one is the one renewed.
 */
final class SessionLongPollingTransport extends JettyHttpClientTransport {

  private final Session session;
  private final String callOptions;
  private volatile AccessToken lastSent;

  SessionLongPollingTransport(
      Map<String, Object> options, HttpClient httpClient, Session session, String clientName) {
    super(options, httpClient);
    this.session = session;
    this.callOptions = "client=" + clientName;
  }

  @Override
  protected void customize(Request request) {
    AccessToken token = session.current();
    lastSent = token;
    request.headers(
        headers -> {
          headers.put("Authorization", token.authorization());
          headers.put("Sforce-Call-Options", callOptions);
        });
  }

  /** The token of the most recent request, or the current one before any request. */
  AccessToken lastSent() {
    AccessToken token = lastSent;
    return token == null ? session.current() : token;
  }
}
