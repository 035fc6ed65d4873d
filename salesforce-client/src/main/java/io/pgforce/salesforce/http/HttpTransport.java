package io.pgforce.salesforce.http;

import io.pgforce.salesforce.ApiUsage;
import io.pgforce.salesforce.SalesforceConfig;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.error.SalesforceException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends one request over the shared Jetty client and hands the streaming body to a reader. Adds
 * {@code Sforce-Call-Options} to every request and records {@code Sforce-Limit-Info} from every
 * response. Knows nothing of sessions or retries: error statuses and lost answers become typed
 * exceptions from {@link ErrorClassifier}, and callers decide what to do about them.
 */
public final class HttpTransport implements AutoCloseable {

  /**
   * Long-polling CometD connects are held 110 s by Salesforce; idle connections must outlive them.
   */
  private static final long CONNECTION_IDLE_TIMEOUT_MS = 150_000;

  private static final int MAX_ERROR_BODY = 64 * 1024;
  private static final String USER_AGENT = "pgforce-salesforce-client";

  private final HttpClient client;
  private final long requestTimeoutMs;
  private final String callOptions;
  private final Clock clock;
  private final AtomicReference<ApiUsage> lastUsage = new AtomicReference<>();

  HttpTransport(HttpClient client, SalesforceConfig config) {
    this.client = client;
    this.requestTimeoutMs = config.requestTimeout().toMillis();
    this.callOptions = "client=" + config.clientName();
    this.clock = config.clock();
  }

  /** Starts a Jetty client with the configuration's timeouts and connection reuse. */
  public static HttpTransport start(SalesforceConfig config) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 2);
    threads.setName("pgforce-salesforce-http");
    threads.setDaemon(true);
    HttpClient client = new HttpClient();
    client.setExecutor(threads);
    client.setConnectTimeout(config.connectTimeout().toMillis());
    client.setIdleTimeout(CONNECTION_IDLE_TIMEOUT_MS);
    client.setFollowRedirects(false);
    client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, USER_AGENT));
    try {
      client.start();
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the HTTP client", e);
    }
    // Salesforce's 401 means "log in again", which the session handles; Jetty's own
    // authentication handlers (installed by start()) would reject a 401 without WWW-Authenticate.
    client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
    client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
    return new HttpTransport(client, config);
  }

  /** The Jetty client, shared with CometD so that all traffic uses one connection pool. */
  public HttpClient jettyClient() {
    return client;
  }

  /** The usage Salesforce reported in the most recent response that carried it. */
  public Optional<ApiUsage> lastUsage() {
    return Optional.ofNullable(lastUsage.get());
  }

  /**
   * Sends the request to {@code url} and reads a successful response with {@code reader}.
   *
   * @param authorization the Authorization header value, or null for the token endpoint
   * @throws SalesforceException for an error status or a lost answer (retriable or not)
   */
  public <T> T exchange(
      ApiRequest request, String url, String authorization, ResponseReader<T> reader) {
    try (ApiResponse response = open(request, url, authorization)) {
      return reader.read(response);
    } catch (IOException e) {
      throw ErrorClassifier.transportFailure(request.describe(), e);
    }
  }

  /**
   * Sends the request and returns the successful response with its body unread; the caller closes
   * it.
   *
   * @throws SalesforceException for an error status or a lost answer (retriable or not)
   */
  public ApiResponse open(ApiRequest request, String url, String authorization) {
    Request jettyRequest = build(request, url, authorization);
    InputStreamResponseListener listener = new InputStreamResponseListener();
    jettyRequest.send(listener);
    Response response = awaitHeaders(request, jettyRequest, listener);
    recordUsage(response);
    ApiResponse opened =
        new ApiResponse(response.getStatus(), response.getHeaders(), listener.getInputStream());
    if (opened.status() >= 300 && opened.status() != 304) {
      throw errorResponse(request, opened);
    }
    return opened;
  }

  private Request build(ApiRequest request, String url, String authorization) {
    Request jettyRequest =
        client
            .newRequest(URI.create(url))
            .method(request.method())
            .idleTimeout(requestTimeoutMs, TimeUnit.MILLISECONDS)
            .headers(
                headers -> {
                  headers.put("Sforce-Call-Options", callOptions);
                  headers.put("Accept", request.accept());
                  if (authorization != null) {
                    headers.put("Authorization", authorization);
                  }
                  request.headers().forEach(headers::put);
                });
    request
        .body()
        .ifPresent(b -> jettyRequest.body(new BytesRequestContent(request.contentType(), b)));
    return jettyRequest;
  }

  private Response awaitHeaders(
      ApiRequest request, Request jettyRequest, InputStreamResponseListener listener) {
    try {
      return listener.get(requestTimeoutMs, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      jettyRequest.abort(e);
      throw ErrorClassifier.transportFailure(request.describe(), e);
    } catch (ExecutionException e) {
      throw ErrorClassifier.transportFailure(request.describe(), e.getCause());
    } catch (InterruptedException e) {
      jettyRequest.abort(e);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted during " + request.describe());
    }
  }

  private static SalesforceException errorResponse(ApiRequest request, ApiResponse response) {
    int status = response.status();
    try (response) {
      String text = new String(response.body().readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
      return ErrorClassifier.fromResponse(status, ErrorBodies.parse(status, text));
    } catch (IOException e) {
      return ErrorClassifier.transportFailure(request.describe() + " (HTTP " + status + ")", e);
    }
  }

  private void recordUsage(Response response) {
    String header = response.getHeaders().get("Sforce-Limit-Info");
    ApiUsage.parse(header, clock.instant()).ifPresent(lastUsage::set);
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the HTTP client", e);
    }
  }
}
