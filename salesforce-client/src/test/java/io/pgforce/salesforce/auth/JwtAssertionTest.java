package io.pgforce.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtAssertionTest {

  private static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

  private final String jwt =
      JwtAssertion.build(
          "3MVG9consumerKey",
          "integration@example.com",
          "https://login.salesforce.com",
          NOW,
          TestKeys.PAIR.getPrivate());

  @Test
  void hasAnRs256HeaderAndSalesforcesClaims() throws Exception {
    String[] parts = jwt.split("\\.");
    JsonNode header = decode(parts[0]);
    JsonNode claims = decode(parts[1]);

    assertThat(parts).hasSize(3);
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iss").asText()).isEqualTo("3MVG9consumerKey");
    assertThat(claims.path("sub").asText()).isEqualTo("integration@example.com");
    assertThat(claims.path("aud").asText()).isEqualTo("https://login.salesforce.com");
    assertThat(claims.path("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 180);
  }

  @Test
  void isSignedWithThePrivateKey() throws Exception {
    String[] parts = jwt.split("\\.");
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(TestKeys.PAIR.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    assertThat(jwt).doesNotContain("=", "+", "/");
  }

  private static JsonNode decode(String part) throws Exception {
    return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(part));
  }
}
