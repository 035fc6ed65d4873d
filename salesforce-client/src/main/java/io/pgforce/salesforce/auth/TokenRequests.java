package io.pgforce.salesforce.auth;

import io.pgforce.salesforce.SalesforceConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The form each OAuth 2.0 flow posts to {@code /services/oauth2/token}. */
final class TokenRequests {

  static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private TokenRequests() {}

  /**
   * The grant's parameters.
   *
   * @param signingKey read lazily, only for the JWT bearer flow
   */
  static Map<String, String> parameters(SalesforceConfig config, Supplier<PrivateKey> signingKey) {
    Map<String, String> form = new LinkedHashMap<>();
    switch (config.authFlow()) {
      case PASSWORD -> {
        form.put("grant_type", "password");
        putClient(form, config);
        form.put("username", config.username().orElseThrow());
        form.put("password", config.password().orElseThrow());
      }
      case CLIENT_CREDENTIALS -> {
        form.put("grant_type", "client_credentials");
        putClient(form, config);
      }
      case JWT_BEARER -> {
        form.put("grant_type", JWT_BEARER_GRANT);
        form.put("assertion", assertion(config, signingKey.get()));
      }
      case REFRESH_TOKEN -> {
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", config.refreshToken().orElseThrow());
        putClient(form, config);
      }
    }
    return form;
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static void putClient(Map<String, String> form, SalesforceConfig config) {
    form.put("client_id", config.clientId().orElseThrow());
    config.clientSecret().ifPresent(secret -> form.put("client_secret", secret));
  }

  private static String assertion(SalesforceConfig config, PrivateKey key) {
    return JwtAssertion.build(
        config.clientId().orElseThrow(),
        config.username().orElseThrow(),
        config.jwtAudience(),
        config.clock().instant(),
        key);
  }

  private static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
