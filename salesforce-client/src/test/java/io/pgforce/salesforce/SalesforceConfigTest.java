package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SalesforceConfigTest {

  private static SalesforceConfig.Builder password() {
    return SalesforceConfig.builder()
        .authFlow(AuthFlow.PASSWORD)
        .clientId("consumer-key")
        .clientSecret("consumer-secret")
        .username("integration@example.com")
        .password("hunter2TOKEN");
  }

  @Test
  void defaultsToProductionAndApi60() {
    SalesforceConfig config = password().build();

    assertThat(config.loginUrl()).isEqualTo("https://login.salesforce.com");
    assertThat(config.apiVersion()).isEqualTo("60.0");
    assertThat(config.clientName()).isEqualTo("pgforce");
    assertThat(config.queryBatchSize()).isEqualTo(2000);
  }

  @Test
  void toStringNeverShowsSecrets() {
    String text = password().refreshToken("5Aep861refresh").build().toString();

    assertThat(text).doesNotContain("hunter2TOKEN", "consumer-secret", "5Aep861refresh");
    assertThat(text).contains("integration@example.com", "consumer-key", "****");
  }

  @Test
  void reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                SalesforceConfig.builder()
                    .loginUrl("ftp://example.com")
                    .authFlow(AuthFlow.PASSWORD)
                    .apiVersion("sixty")
                    .clientName("pg force;x")
                    .queryBatchSize(50)
                    .requestTimeout(Duration.ZERO)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loginUrl must be an http(s) URL")
        .hasMessageContaining("clientId is required for the PASSWORD flow")
        .hasMessageContaining("username is required")
        .hasMessageContaining("password is required")
        .hasMessageContaining("apiVersion must look like 60.0")
        .hasMessageContaining("clientName must be")
        .hasMessageContaining("queryBatchSize must be between 200 and 2000")
        .hasMessageContaining("requestTimeout must be positive");
  }

  @Test
  void eachFlowAsksForItsOwnCredentials() {
    assertThatThrownBy(
            () ->
                SalesforceConfig.builder()
                    .authFlow(AuthFlow.CLIENT_CREDENTIALS)
                    .clientId("k")
                    .build())
        .hasMessageContaining("clientSecret is required for the CLIENT_CREDENTIALS flow");
    assertThatThrownBy(
            () -> SalesforceConfig.builder().authFlow(AuthFlow.REFRESH_TOKEN).clientId("k").build())
        .hasMessageContaining("refreshToken is required");
    assertThatThrownBy(
            () ->
                SalesforceConfig.builder()
                    .authFlow(AuthFlow.JWT_BEARER)
                    .clientId("k")
                    .username("u@example.com")
                    .privateKeyFile(Path.of("/nonexistent/key.pem"))
                    .build())
        .hasMessageContaining("privateKeyFile is not a readable file");
    assertThatThrownBy(() -> SalesforceConfig.builder().build())
        .hasMessageContaining("authFlow is required");
  }

  @Test
  void jwtAudienceIsALoginHostEvenForMyDomain() {
    assertThat(password().build().jwtAudience()).isEqualTo("https://login.salesforce.com");
    assertThat(password().loginUrl(SalesforceConfig.myDomainLoginUrl("acme")).build().jwtAudience())
        .isEqualTo("https://login.salesforce.com");
    assertThat(
            password()
                .loginUrl("https://acme--uat.sandbox.my.salesforce.com")
                .build()
                .jwtAudience())
        .isEqualTo("https://test.salesforce.com");
    assertThat(password().loginUrl("http://localhost:7443/").build().jwtAudience())
        .isEqualTo("http://localhost:7443");
    assertThat(password().jwtAudience("https://acme.force.com/customers").build().jwtAudience())
        .isEqualTo("https://acme.force.com/customers");
  }
}
