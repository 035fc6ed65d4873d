package io.pgforce.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.salesforce.error.SalesforceAuthException;
import io.pgforce.salesforce.http.Json;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenResponsesTest {

  private static final String ID =
      "https://login.salesforce.com/id/00Dx0000000BV7zEAG/005x00000012Q9PAAU";
  private static final String SECRET = "consumer-secret";

  private static ObjectNode response(String signature) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("id", ID);
    json.put("issued_at", "1278448832702");
    json.put("instance_url", "https://na1.salesforce.com/");
    json.put(
        "access_token",
        "00Dx0000000BV7z!AR8AQAxo9UfVkh8AlV0Gomt9Czx9LjHnSSpwBMmbRcgKFmxOtvxjTrKW1");
    json.put("token_type", "Bearer");
    if (signature != null) {
      json.put("signature", signature);
    }
    return json;
  }

  private static String validSignature() {
    return Base64.getEncoder()
        .encodeToString(TokenResponses.hmacSha256(SECRET, ID + "1278448832702"));
  }

  @Test
  void readsTheSessionAndTheIdsFromTheIdentityUrl() {
    AccessToken token = TokenResponses.parse(response(validSignature()), Optional.of(SECRET));

    assertThat(token.instanceUrl()).isEqualTo("https://na1.salesforce.com");
    assertThat(token.organizationId()).isEqualTo("00Dx0000000BV7zEAG");
    assertThat(token.userId()).isEqualTo("005x00000012Q9PAAU");
    assertThat(token.issuedAt()).contains(Instant.ofEpochMilli(1278448832702L));
    assertThat(token.authorization()).startsWith("Bearer 00Dx0000000BV7z!");
  }

  @Test
  void refusesATamperedSignature() {
    String forged =
        Base64.getEncoder()
            .encodeToString(TokenResponses.hmacSha256("other", ID + "1278448832702"));
    assertThatThrownBy(() -> TokenResponses.parse(response(forged), Optional.of(SECRET)))
        .isInstanceOf(SalesforceAuthException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void acceptsJwtBearerAnswersWithoutSignatureOrIssuedAt() {
    ObjectNode jwtAnswer = response(null);
    jwtAnswer.remove("issued_at");

    AccessToken token = TokenResponses.parse(jwtAnswer, Optional.empty());
    assertThat(token.issuedAt()).isEmpty();
  }

  @Test
  void toStringLeavesTheTokenOut() {
    AccessToken token = TokenResponses.parse(response(null), Optional.empty());
    assertThat(token.toString()).doesNotContain("AR8AQAxo9").contains("00Dx0000000BV7zEAG");
  }

  @Test
  void refusesAnAnswerWithoutAccessToken() {
    ObjectNode broken = response(null);
    broken.remove("access_token");
    assertThatThrownBy(() -> TokenResponses.parse(broken, Optional.empty()))
        .isInstanceOf(SalesforceAuthException.class)
        .hasMessageContaining("access_token");
  }
}
