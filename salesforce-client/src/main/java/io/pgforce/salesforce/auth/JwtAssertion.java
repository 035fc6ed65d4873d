package io.pgforce.salesforce.auth;

import io.pgforce.salesforce.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JWT of the OAuth 2.0 JWT bearer flow: RS256-signed claims {@code iss} (consumer key), {@code
 * sub} (username), {@code aud} (login host) and {@code exp}. Salesforce refuses an {@code exp} more
 * than three minutes ahead, so assertions are short-lived and built for each login.
 */
public final class JwtAssertion {

  /** Salesforce's upper bound on {@code exp - now}. */
  static final Duration LIFETIME = Duration.ofMinutes(3);

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

  private JwtAssertion() {}

  public static String build(
      String clientId, String username, String audience, Instant now, PrivateKey key) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", clientId);
    claims.put("sub", username);
    claims.put("aud", audience);
    claims.put("exp", now.plus(LIFETIME).getEpochSecond());
    String signingInput =
        encode(HEADER.getBytes(StandardCharsets.UTF_8)) + "." + encode(json(claims));
    return signingInput + "." + encode(sign(signingInput, key));
  }

  private static byte[] json(Map<String, Object> claims) {
    try {
      return Json.MAPPER.writeValueAsBytes(claims);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JWT claims", e);
    }
  }

  private static byte[] sign(String signingInput, PrivateKey key) {
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return rs256.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign the JWT with the configured key", e);
    }
  }

  private static String encode(byte[] bytes) {
    return URL.encodeToString(bytes);
  }
}
