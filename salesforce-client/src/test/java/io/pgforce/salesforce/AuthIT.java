package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.salesforce.error.RetriableSalesforceException;
import io.pgforce.salesforce.error.SalesforceAuthException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Every OAuth flow, a refused login, and a session expiring in the middle of a run. */
class AuthIT {

  private static final String TOKEN_ENDPOINT = "POST /services/oauth2/token";
  private static final KeyPair jwtKeys = rsaKeys();

  @RegisterExtension
  static final EmulatorOrg org =
      new EmulatorOrg(emulator -> emulator.jwtPublicKey(jwtKeys.getPublic()), client -> client);

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void passwordFlowLogsInAsTheOrgsUser() {
    try (SalesforceClient client = org.connect()) {
      assertThat(client.instanceUrl()).isEqualTo(org.emulator().baseUrl());
      assertThat(client.organizationId()).isEqualTo(org.emulator().orgId());
      assertThat(client.userId()).isEqualTo(org.emulator().userId());
      assertThat(client.limits().get("DailyApiRequests")).isPresent();
    }
  }

  @Test
  void clientCredentialsFlowLogsIn() {
    EmulatorConfig emulator = org.emulator().config();
    SalesforceConfig config =
        SalesforceConfig.builder()
            .loginUrl(org.emulator().baseUrl())
            .authFlow(AuthFlow.CLIENT_CREDENTIALS)
            .clientId(emulator.clientId())
            .clientSecret(emulator.clientSecret())
            .build();
    try (SalesforceClient client = SalesforceClient.connect(config)) {
      assertThat(client.userId()).isEqualTo(org.emulator().userId());
    }
  }

  @Test
  void refreshTokenFlowLogsIn() {
    EmulatorConfig emulator = org.emulator().config();
    SalesforceConfig config =
        SalesforceConfig.builder()
            .loginUrl(org.emulator().baseUrl())
            .authFlow(AuthFlow.REFRESH_TOKEN)
            .clientId(emulator.clientId())
            .clientSecret(emulator.clientSecret())
            .refreshToken(emulator.refreshToken())
            .build();
    try (SalesforceClient client = SalesforceClient.connect(config)) {
      assertThat(client.count("SELECT COUNT() FROM Account")).isZero();
    }
  }

  @Test
  void jwtBearerFlowSignsWithThePrivateKeyFile(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("pgforce-key.pem");
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(jwtKeys.getPrivate().getEncoded());
    Files.writeString(
        keyFile, "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
    SalesforceConfig config =
        SalesforceConfig.builder()
            .loginUrl(org.emulator().baseUrl())
            .authFlow(AuthFlow.JWT_BEARER)
            .clientId(org.emulator().config().clientId())
            .username(org.emulator().config().username())
            .privateKeyFile(keyFile)
            .build();
    try (SalesforceClient client = SalesforceClient.connect(config)) {
      assertThat(client.organizationId()).isEqualTo(org.emulator().orgId());
    }
  }

  @Test
  void aWrongPasswordFailsFastWithTheOAuthError() {
    SalesforceConfig config = org.passwordConfig().password("wrong").build();

    assertThatThrownBy(() -> SalesforceClient.connect(config))
        .isInstanceOfSatisfying(
            SalesforceAuthException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("invalid_grant");
            })
        .hasMessageContaining("PASSWORD flow refused");
    assertThat(org.calls(TOKEN_ENDPOINT)).isEqualTo(1);
  }

  @Test
  void anUnreachableLoginHostFailsWithinTheRetryBudget() {
    SalesforceConfig config =
        org.passwordConfig()
            .loginUrl("http://127.0.0.1:1")
            .retryBudget(Duration.ofSeconds(1))
            .build();

    long start = System.nanoTime();
    assertThatThrownBy(() -> SalesforceClient.connect(config))
        .isInstanceOf(RetriableSalesforceException.class)
        .hasMessageContaining("TRANSPORT_ERROR");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void anExpiredSessionIsRenewedOnceAndTheCallRepeated() {
    try (SalesforceClient client = org.connect()) {
      client.create("Account", Map.of("Name", "Before expiry"));
      String tokenBefore = org.emulator().accessToken();

      org.emulator().expireSessions();
      String id = client.create("Account", Map.of("Name", "After expiry"));
      List<String> names =
          client
              .query("SELECT Name FROM Account ORDER BY Name")
              .map(r -> r.get("Name").asText())
              .toList();

      assertThat(id).startsWith("001");
      assertThat(names).containsExactly("After expiry", "Before expiry");
      assertThat(org.calls(TOKEN_ENDPOINT)).isEqualTo(2);
      assertThat(tokenBefore).isNotBlank();
    }
  }

  @Test
  void noSecretReachesTheLogs() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    try (SalesforceClient client = org.connect()) {
      org.emulator().expireSessions();
      client.count("SELECT COUNT() FROM Account");
      assertThatThrownBy(
              () -> SalesforceClient.connect(org.passwordConfig().password("wrong").build()))
          .isInstanceOf(SalesforceAuthException.class);
      String token =
          org.emulator().accessToken().substring(0, 15); // the org-id part every token shares

      EmulatorConfig emulator = org.emulator().config();
      assertThat(captured.list).isNotEmpty();
      for (ILoggingEvent event : captured.list) {
        String line = event.getFormattedMessage() + " " + event.getThrowableProxy();
        assertThat(line)
            .doesNotContain(
                emulator.password(), emulator.clientSecret(), emulator.refreshToken(), token + "!");
      }
    } finally {
      root.detachAppender(captured);
    }
  }
}
