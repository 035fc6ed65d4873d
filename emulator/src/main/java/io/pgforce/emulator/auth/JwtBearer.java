package io.pgforce.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.errors.OAuthException;
import io.pgforce.emulator.server.Credentials;
import io.pgforce.emulator.server.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a JWT bearer assertion the way Salesforce does: RS256 signed with the connected app's
 * certificate, issued by the consumer key, for the login host, naming the user, not expired.
 * Returns the username the assertion is for.
 */
final class JwtBearer {

  private static final Set<String> LOGIN_HOSTS =
      Set.of("https://login.salesforce.com", "https://test.salesforce.com");

  private final Credentials credentials;
  private final Clock clock;

  JwtBearer(Credentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * The username of a valid assertion.
   *
   * @param baseUrl the emulator's own URL, accepted as an audience like login.salesforce.com
   */
  String verify(String assertion, String baseUrl) {
    String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
    if (parts.length != 3) {
      throw invalidAssertion();
    }
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);
    if (!"RS256".equals(header.path("alg").asText()) || !signedByApp(parts)) {
      throw invalidAssertion();
    }
    if (!credentials.clientId().equals(claims.path("iss").asText())) {
      throw OAuthException.badRequest("invalid_client_id", "client identifier invalid");
    }
    if (!audienceOk(claims.path("aud"), baseUrl)) {
      throw OAuthException.badRequest("invalid_grant", "audience is invalid");
    }
    if (!claims.path("exp").canConvertToLong()
        || claims.path("exp").asLong() * 1000 <= clock.millis()) {
      throw invalidAssertion();
    }
    if (!credentials.username().equalsIgnoreCase(claims.path("sub").asText())) {
      throw OAuthException.badRequest("invalid_grant", "user hasn't approved this consumer");
    }
    return credentials.username();
  }

  private boolean signedByApp(String[] parts) {
    PublicKey key = credentials.jwtKey().orElseThrow(JwtBearer::invalidAssertion);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean audienceOk(JsonNode aud, String baseUrl) {
    Set<String> accepted = new HashSet<>(LOGIN_HOSTS);
    accepted.add(baseUrl);
    if (aud.isArray()) {
      for (JsonNode one : aud) {
        if (accepted.contains(trimSlash(one.asText()))) {
          return true;
        }
      }
      return false;
    }
    return accepted.contains(trimSlash(aud.asText()));
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static JsonNode decode(String part) {
    try {
      JsonNode node = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
      if (node == null || !node.isObject()) {
        throw invalidAssertion();
      }
      return node;
    } catch (IOException | IllegalArgumentException e) {
      throw invalidAssertion();
    }
  }

  private static OAuthException invalidAssertion() {
    return OAuthException.badRequest("invalid_grant", "invalid assertion");
  }
}
