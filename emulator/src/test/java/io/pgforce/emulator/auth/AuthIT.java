package io.pgforce.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.RestClient;
import io.pgforce.emulator.testing.RestClient.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of the OAuth token endpoint, identity, userinfo and the SOAP login call. */
class AuthIT {

  private static final String TOKEN = "/services/oauth2/token";
  private static final String QUERY = "/services/data/v60.0/limits";

  private static MutableClock clock;
  private static KeyPair appKeys;
  private static Emulator emulator;
  private RestClient client;

  @BeforeAll
  static void start() throws Exception {
    clock = MutableClock.at("2024-06-03T12:00:00Z");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    appKeys = generator.generateKeyPair();
    emulator =
        Emulator.start(
            EmulatorConfig.builder()
                .port(0)
                .clock(clock)
                .tokenLifetime(Duration.ofMinutes(10))
                .jwtPublicKey(appKeys.getPublic())
                .build());
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void reset() {
    emulator.reset();
    client = new RestClient(emulator.baseUrl());
  }

  @Test
  void passwordGrantAnswersWithASignedToken() throws Exception {
    Response response = client.form(TOKEN, passwordGrant("pgforce123"));
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("access_token").asText())
        .startsWith(emulator.orgId().substring(0, 15) + "!");
    assertThat(body.get("instance_url").asText()).isEqualTo(emulator.baseUrl());
    assertThat(body.get("id").asText())
        .isEqualTo(emulator.baseUrl() + "/id/" + emulator.orgId() + "/" + emulator.userId());
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("issued_at").asText())
        .isEqualTo(Long.toString(Instant.parse("2024-06-03T12:00:00Z").toEpochMilli()));
    assertThat(body.has("refresh_token")).isFalse();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec("pgforce-client-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (body.get("id").asText() + body.get("issued_at").asText())
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(body.get("signature").asText()).isEqualTo(expected);
    assertThat(client.withToken(body.get("access_token").asText()).get(QUERY).status())
        .isEqualTo(200);
  }

  @Test
  void refusalsAreShapedAsSalesforcesOAuthErrors() {
    assertOAuthError(
        client.form(TOKEN, passwordGrant("wrong")), "invalid_grant", "authentication failure");
    Map<String, String> badClient = new java.util.HashMap<>(passwordGrant("pgforce123"));
    badClient.put("client_id", "nope");
    assertOAuthError(
        client.form(TOKEN, badClient), "invalid_client_id", "client identifier invalid");
    badClient.put("client_id", "pgforce-client-id");
    badClient.put("client_secret", "nope");
    assertOAuthError(client.form(TOKEN, badClient), "invalid_client", "invalid client credentials");
    assertOAuthError(
        client.form(TOKEN, Map.of("grant_type", "magic")),
        "unsupported_grant_type",
        "grant type not supported");
  }

  @Test
  void clientCredentialsAndRefreshTokenGrantsIssueTokens() {
    JsonNode credentials =
        client
            .form(
                TOKEN,
                Map.of(
                    "grant_type",
                    "client_credentials",
                    "client_id",
                    "pgforce-client-id",
                    "client_secret",
                    "pgforce-client-secret"))
            .json();
    assertThat(credentials.get("scope").asText()).isEqualTo("api");
    Response refreshed = client.form(TOKEN, refreshGrant("pgforce-refresh-token"));
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.json().has("signature")).isTrue();
    assertOAuthError(
        client.form(TOKEN, refreshGrant("stale")), "invalid_grant", "expired access/refresh token");
  }

  @Test
  void jwtBearerChecksSignatureIssuerAudienceAndExpiry() throws Exception {
    long exp = clock.instant().plusSeconds(180).getEpochSecond();
    String login = "https://login.salesforce.com";
    Response ok = jwt(appKeys.getPrivate(), login, exp);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().has("signature")).isFalse();
    assertThat(ok.json().has("issued_at")).isFalse();
    KeyPair other = KeyPairGenerator.getInstance("RSA").generateKeyPair();
    assertOAuthError(jwt(other.getPrivate(), login, exp), "invalid_grant", "invalid assertion");
    assertOAuthError(
        jwt(appKeys.getPrivate(), "https://example.com", exp),
        "invalid_grant",
        "audience is invalid");
    assertOAuthError(
        jwt(appKeys.getPrivate(), emulator.baseUrl(), exp - 600),
        "invalid_grant",
        "invalid assertion");
    assertOAuthError(
        client.form(TOKEN, Map.of("grant_type", OAuthApi.JWT_GRANT, "assertion", "not.a.jwt")),
        "invalid_grant",
        "invalid assertion");
  }

  private Response jwt(PrivateKey key, String audience, long exp) throws Exception {
    String assertion = Jwts.signed(key, "pgforce-client-id", "admin@pgforce.local", audience, exp);
    return client.form(TOKEN, Map.of("grant_type", OAuthApi.JWT_GRANT, "assertion", assertion));
  }

  private static Map<String, String> refreshGrant(String refreshToken) {
    return Map.of(
        "grant_type",
        "refresh_token",
        "client_id",
        "pgforce-client-id",
        "refresh_token",
        refreshToken);
  }

  @Test
  void tokensExpireAfterTheirLifetimeAndOnDemand() {
    String token =
        client.form(TOKEN, passwordGrant("pgforce123")).json().get("access_token").asText();
    RestClient api = client.withToken(token);
    assertThat(api.get(QUERY).status()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(11));
    Response expired = api.get(QUERY);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.body())
        .isEqualTo(
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
    RestClient fresh = client.withToken(emulator.accessToken());
    assertThat(client.send("POST", "/__emulator__/faults/expire-sessions", null, null).status())
        .isEqualTo(204);
    assertThat(fresh.get(QUERY).status()).isEqualTo(401);
    assertThat(client.get(QUERY).status()).isEqualTo(401);
  }

  @Test
  void revokeEndsASession() {
    String token = emulator.accessToken();
    assertThat(client.form("/services/oauth2/revoke", Map.of("token", token)).status())
        .isEqualTo(200);
    assertThat(client.withToken(token).get(QUERY).status()).isEqualTo(401);
  }

  @Test
  void aRevokedUserLosesItsSessionsAndCannotLogInUntilRestored() {
    RestClient api = client.withToken(emulator.accessToken());
    assertThat(api.get(QUERY).status()).isEqualTo(200);

    emulator.revokeUser();
    Response ended = api.get(QUERY);
    assertThat(ended.status()).isEqualTo(401);
    assertThat(ended.body()).contains("\"errorCode\":\"INVALID_SESSION_ID\"");
    assertOAuthError(
        client.form(TOKEN, passwordGrant("pgforce123")), "invalid_grant", "authentication failure");
    assertOAuthError(
        client.form(TOKEN, refreshGrant("pgforce-refresh-token")),
        "invalid_grant",
        "expired access/refresh token");
    assertThat(
            client
                .send("POST", "/services/Soap/u/60.0", soapLogin("pgforce123"), "text/xml")
                .body())
        .contains("<faultcode>sf:INVALID_LOGIN</faultcode>");

    emulator.restoreUser();
    assertThat(client.form(TOKEN, passwordGrant("pgforce123")).status()).isEqualTo(200);
    assertThat(client.form(TOKEN, refreshGrant("pgforce-refresh-token")).status()).isEqualTo(200);
  }

  @Test
  void theAdminApiRevokesAndRestoresTheUser() {
    assertThat(client.send("POST", "/__emulator__/faults/revoke-user", null, null).status())
        .isEqualTo(204);
    assertOAuthError(
        client.form(TOKEN, passwordGrant("pgforce123")), "invalid_grant", "authentication failure");
    assertThat(client.send("POST", "/__emulator__/faults/restore-user", null, null).status())
        .isEqualTo(204);
    assertThat(client.form(TOKEN, passwordGrant("pgforce123")).status()).isEqualTo(200);
  }

  @Test
  void identityAndUserInfoDescribeTheUser() {
    RestClient api = client.withToken(emulator.accessToken());
    JsonNode identity = api.get("/id/" + emulator.orgId() + "/" + emulator.userId()).json();
    assertThat(identity.get("username").asText()).isEqualTo("admin@pgforce.local");
    assertThat(identity.get("organization_id").asText()).isEqualTo(emulator.orgId());
    assertThat(identity.get("urls").get("rest").asText()).endsWith("/services/data/v{version}/");
    JsonNode userInfo = api.get("/services/oauth2/userinfo").json();
    assertThat(userInfo.get("preferred_username").asText()).isEqualTo("admin@pgforce.local");
    Response bad = client.withToken("nope").get("/services/oauth2/userinfo");
    assertThat(bad.status()).isEqualTo(403);
    assertThat(bad.body()).isEqualTo("Bad_OAuth_Token");
  }

  @Test
  void soapLoginAnswersASessionAndFaultsOnBadPasswords() {
    Response login =
        client.send("POST", "/services/Soap/u/60.0", soapLogin("pgforce123"), "text/xml");
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("Content-Type")).startsWith("text/xml");
    assertThat(login.body())
        .contains(
            "<serverUrl>"
                + emulator.baseUrl()
                + "/services/Soap/u/60.0/"
                + emulator.orgId()
                + "</serverUrl>")
        .contains("<userId>" + emulator.userId() + "</userId>")
        .contains("<organizationId>" + emulator.orgId() + "</organizationId>")
        .contains("<passwordExpired>false</passwordExpired>");
    String session = login.body().replaceAll("(?s).*<sessionId>([^<]+)</sessionId>.*", "$1");
    assertThat(client.withToken(session).get(QUERY).status()).isEqualTo(200);
    Response fault = client.send("POST", "/services/Soap/u/60.0", soapLogin("bad"), "text/xml");
    assertThat(fault.status()).isEqualTo(500);
    assertThat(fault.body())
        .contains("<faultcode>sf:INVALID_LOGIN</faultcode>")
        .contains(
            "<faultstring>INVALID_LOGIN: Invalid username, password, security token;"
                + " or user locked out.</faultstring>");
    assertThat(client.send("POST", "/services/Soap/u/60.0", "<nope", "text/xml").status())
        .isEqualTo(500);
  }

  private static Map<String, String> passwordGrant(String password) {
    return Map.of(
        "grant_type",
        "password",
        "client_id",
        "pgforce-client-id",
        "client_secret",
        "pgforce-client-secret",
        "username",
        "admin@pgforce.local",
        "password",
        password);
  }

  private static String soapLogin(String password) {
    return "<se:Envelope xmlns:se=\"http://schemas.xmlsoap.org/soap/envelope/\"><se:Header/>"
        + "<se:Body><login xmlns=\"urn:partner.soap.sforce.com\">"
        + "<username>admin@pgforce.local</username><password>"
        + password
        + "</password>"
        + "</login></se:Body></se:Envelope>";
  }

  private static void assertOAuthError(Response response, String error, String description) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).isEqualTo(error);
    assertThat(response.json().get("error_description").asText()).isEqualTo(description);
  }
}
