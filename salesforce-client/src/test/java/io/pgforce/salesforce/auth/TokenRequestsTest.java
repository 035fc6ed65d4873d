package io.pgforce.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.AuthFlow;
import io.pgforce.salesforce.FakeClock;
import io.pgforce.salesforce.SalesforceConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenRequestsTest {

  private static SalesforceConfig.Builder base(AuthFlow flow) {
    return SalesforceConfig.builder().authFlow(flow).clientId("key").clientSecret("s3cret");
  }

  @Test
  void passwordFlowSendsTheUsersCredentials() {
    SalesforceConfig config =
        base(AuthFlow.PASSWORD).username("u@example.com").password("pw+token").build();

    Map<String, String> form = TokenRequests.parameters(config, () -> null);

    assertThat(form)
        .containsExactly(
            Map.entry("grant_type", "password"),
            Map.entry("client_id", "key"),
            Map.entry("client_secret", "s3cret"),
            Map.entry("username", "u@example.com"),
            Map.entry("password", "pw+token"));
    assertThat(TokenRequests.encode(form))
        .contains("password=pw%2Btoken")
        .contains("username=u%40example.com");
  }

  @Test
  void clientCredentialsFlowSendsOnlyTheApp() {
    Map<String, String> form =
        TokenRequests.parameters(base(AuthFlow.CLIENT_CREDENTIALS).build(), () -> null);
    assertThat(form).containsOnlyKeys("grant_type", "client_id", "client_secret");
    assertThat(form.get("grant_type")).isEqualTo("client_credentials");
  }

  @Test
  void refreshTokenFlowSendsTheRefreshToken() {
    SalesforceConfig config = base(AuthFlow.REFRESH_TOKEN).refreshToken("5Aep861").build();
    Map<String, String> form = TokenRequests.parameters(config, () -> null);
    assertThat(form)
        .containsEntry("grant_type", "refresh_token")
        .containsEntry("refresh_token", "5Aep861");
  }

  @Test
  void jwtBearerFlowSendsASignedAssertionAndNoSecret() throws Exception {
    java.nio.file.Path key = java.nio.file.Files.createTempFile("jwt", ".pem");
    try {
      java.nio.file.Files.writeString(key, TestKeys.pkcs8Pem());
      SalesforceConfig config =
          SalesforceConfig.builder()
              .authFlow(AuthFlow.JWT_BEARER)
              .clientId("key")
              .username("u@example.com")
              .privateKeyFile(key)
              .clock(FakeClock.at("2024-01-01T00:00:00Z"))
              .build();

      Map<String, String> form = TokenRequests.parameters(config, TestKeys.PAIR::getPrivate);

      assertThat(form).containsOnlyKeys("grant_type", "assertion");
      assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
      assertThat(form.get("assertion").split("\\.")).hasSize(3);
    } finally {
      java.nio.file.Files.delete(key);
    }
  }
}
