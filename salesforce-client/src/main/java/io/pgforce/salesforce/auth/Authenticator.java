package io.pgforce.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.SalesforceConfig;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.error.RetryPolicy;
import io.pgforce.salesforce.error.SalesforceAuthException;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.HttpTransport;
import io.pgforce.salesforce.http.Json;
import java.security.PrivateKey;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in with the configured flow. A refusal from the token endpoint becomes a {@link
 * SalesforceAuthException} at once; an unavailable endpoint or a lost answer is retried (a login
 * can safely run twice).
 */
public final class Authenticator {

  private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

  private final SalesforceConfig config;
  private final HttpTransport transport;
  private final RetryPolicy retry;
  private final Supplier<PrivateKey> signingKey;

  public Authenticator(SalesforceConfig config, HttpTransport transport, RetryPolicy retry) {
    this.config = config;
    this.transport = transport;
    this.retry = retry;
    this.signingKey = memoize(() -> PemPrivateKeys.read(config.privateKeyFile().orElseThrow()));
  }

  /** Requests a new access token. */
  public AccessToken login() {
    AccessToken token = retry.call("login", true, this::requestToken);
    log.info("Logged in to {} with the {} flow: {}", config.loginUrl(), config.authFlow(), token);
    return token;
  }

  private AccessToken requestToken() {
    String form = TokenRequests.encode(TokenRequests.parameters(config, signingKey));
    ApiRequest request = ApiRequest.post("/services/oauth2/token").form(form).idempotent(true);
    String url = config.loginUrl() + request.target();
    try {
      JsonNode body = transport.exchange(request, url, null, r -> Json.MAPPER.readTree(r.body()));
      return TokenResponses.parse(body, config.clientSecret());
    } catch (SalesforceException e) {
      throw refusal(e);
    }
  }

  /** 4xx from the token endpoint means the credentials or the connected app are wrong. */
  private SalesforceException refusal(SalesforceException e) {
    boolean refused = e.httpStatus() >= 400 && e.httpStatus() < 500;
    if (!refused || e instanceof SalesforceAuthException || ErrorClassifier.isRetriable(e)) {
      return e;
    }
    return new SalesforceAuthException(
        e.httpStatus(),
        e.errorCode(),
        "login to "
            + config.loginUrl()
            + " with the "
            + config.authFlow()
            + " flow refused: "
            + e.errors().get(0).message());
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
