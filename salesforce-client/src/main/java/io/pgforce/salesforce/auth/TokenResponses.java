package io.pgforce.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.error.SalesforceAuthException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Reads the token endpoint's answer into an {@link AccessToken}, checking its signature. */
final class TokenResponses {

  private TokenResponses() {}

  /**
   * @param clientSecret the consumer secret, when the flow has one; with it the {@code signature}
   *     (HMAC-SHA256 of {@code id + issued_at}) is checked, so a tampered answer is refused
   */
  static AccessToken parse(JsonNode response, Optional<String> clientSecret) {
    String token = required(response, "access_token");
    String instanceUrl = stripSlash(required(response, "instance_url"));
    String identityUrl = required(response, "id");
    Optional<String> issuedAt = optional(response, "issued_at");
    Optional<String> signature = optional(response, "signature");
    if (clientSecret.isPresent() && signature.isPresent() && issuedAt.isPresent()) {
      verifySignature(clientSecret.get(), identityUrl + issuedAt.get(), signature.get());
    }
    String[] ids = identityIds(identityUrl);
    return new AccessToken(
        token, instanceUrl, identityUrl, ids[0], ids[1], issuedAt.map(TokenResponses::epochMillis));
  }

  static void verifySignature(String secret, String signedText, String signature) {
    byte[] expected = hmacSha256(secret, signedText);
    byte[] actual;
    try {
      actual = Base64.getDecoder().decode(signature);
    } catch (IllegalArgumentException e) {
      actual = new byte[0];
    }
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new SalesforceAuthException(
          200,
          "INVALID_SIGNATURE",
          "the token response's signature does not match the client secret");
    }
  }

  static byte[] hmacSha256(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The org and user ids are the identity URL's last two segments. */
  private static String[] identityIds(String identityUrl) {
    String[] segments = stripSlash(identityUrl).split("/");
    if (segments.length < 2 || !identityUrl.contains("/id/")) {
      throw new SalesforceAuthException(
          200,
          "INVALID_IDENTITY_URL",
          "the token response's id is not an identity URL: " + identityUrl);
    }
    return new String[] {segments[segments.length - 2], segments[segments.length - 1]};
  }

  private static Instant epochMillis(String text) {
    try {
      return Instant.ofEpochMilli(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new SalesforceAuthException(
          200, "INVALID_ISSUED_AT", "issued_at is not epoch ms: " + text);
    }
  }

  private static String required(JsonNode response, String field) {
    return optional(response, field)
        .orElseThrow(
            () ->
                new SalesforceAuthException(
                    200, "INVALID_TOKEN_RESPONSE", "the token response has no " + field));
  }

  private static Optional<String> optional(JsonNode response, String field) {
    JsonNode value = response.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
