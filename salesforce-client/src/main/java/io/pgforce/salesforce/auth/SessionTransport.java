package io.pgforce.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.error.RetryPolicy;
import io.pgforce.salesforce.error.SalesforceAuthException;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.ApiResponse;
import io.pgforce.salesforce.http.HttpTransport;
import io.pgforce.salesforce.http.Json;
import io.pgforce.salesforce.http.ResponseReader;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests as the logged-in session: resolves paths against the instance URL, adds the bearer
 * token, logs in again once when Salesforce answers {@code 401 INVALID_SESSION_ID}, and retries
 * what the {@link RetryPolicy} allows.
 */
public final class SessionTransport implements ApiCalls {

  private static final Logger log = LoggerFactory.getLogger(SessionTransport.class);

  private final HttpTransport http;
  private final Session session;
  private final RetryPolicy retry;
  private final String dataPath;

  public SessionTransport(
      HttpTransport http, Session session, RetryPolicy retry, String apiVersion) {
    this.http = http;
    this.session = session;
    this.retry = retry;
    this.dataPath = "/services/data/v" + apiVersion;
  }

  @Override
  public String dataPath(String suffix) {
    return dataPath + suffix;
  }

  public Session session() {
    return session;
  }

  public HttpTransport http() {
    return http;
  }

  public RetryPolicy retryPolicy() {
    return retry;
  }

  @Override
  public <T> T call(ApiRequest request, ResponseReader<T> reader) {
    return retry.call(request.describe(), request.idempotent(), () -> readOnce(request, reader));
  }

  /** Parses the body as JSON ({@link MissingNode} for an empty body). */
  @Override
  public JsonNode json(ApiRequest request) {
    return call(request, SessionTransport::readJson);
  }

  @Override
  public ApiResponse open(ApiRequest request) {
    return retry.call(request.describe(), request.idempotent(), () -> authorized(request));
  }

  private <T> T readOnce(ApiRequest request, ResponseReader<T> reader) {
    try (ApiResponse response = authorized(request)) {
      return reader.read(response);
    } catch (IOException e) {
      throw ErrorClassifier.transportFailure(request.describe(), e);
    }
  }

  /** Opens the response, once more after a re-login if the session turned out to be expired. */
  private ApiResponse authorized(ApiRequest request) {
    AccessToken token = session.current();
    try {
      return http.open(request, url(request, token), token.authorization());
    } catch (SalesforceException e) {
      if (e.httpStatus() != 401) {
        throw e;
      }
      log.info("Session expired during {}; logging in again", request.describe());
      return secondTry(request, session.renew(token));
    }
  }

  private ApiResponse secondTry(ApiRequest request, AccessToken renewed) {
    try {
      return http.open(request, url(request, renewed), renewed.authorization());
    } catch (SalesforceException e) {
      if (e.httpStatus() == 401) {
        throw new SalesforceAuthException(
            401,
            e.errorCode(),
            "Salesforce rejected a session it had just issued: " + e.getMessage());
      }
      throw e;
    }
  }

  private static String url(ApiRequest request, AccessToken token) {
    return request.isAbsolute() ? request.target() : token.instanceUrl() + request.target();
  }

  private static JsonNode readJson(ApiResponse response) throws IOException {
    JsonNode node = Json.MAPPER.readTree(response.body());
    return node == null ? MissingNode.getInstance() : node;
  }
}
