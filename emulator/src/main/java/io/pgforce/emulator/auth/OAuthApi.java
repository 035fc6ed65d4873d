package io.pgforce.emulator.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.OAuthException;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Credentials;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.session.Session;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} with the password, client credentials, refresh token and JWT
 * bearer grants, and {@code /services/oauth2/revoke}. Responses and refusals are shaped as
 * Salesforce's, including the {@code signature} (HMAC-SHA256 of id and issued_at under the client
 * secret) on the grants that carry one.
 */
public final class OAuthApi implements ApiArea {

  static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final OrgServices org;
  private final JwtBearer jwt;

  public OAuthApi(OrgServices org) {
    this.org = org;
    this.jwt = new JwtBearer(org.credentials(), org.clock());
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post("/services/oauth2/token", this::token);
    config.routes.post("/services/oauth2/revoke", this::revoke);
    config.routes.get("/services/oauth2/revoke", this::revoke);
  }

  private void token(Context ctx) {
    String grant = param(ctx, "grant_type");
    if (grant == null) {
      throw OAuthException.badRequest("unsupported_grant_type", "grant type not supported");
    }
    ObjectNode response =
        switch (grant) {
          case "password" -> password(ctx);
          case "client_credentials" -> clientCredentials(ctx);
          case "refresh_token" -> refreshToken(ctx);
          case JWT_GRANT -> jwtBearer(ctx);
          default ->
              throw OAuthException.badRequest("unsupported_grant_type", "grant type not supported");
        };
    ctx.header("Cache-Control", "no-cache,must-revalidate,max-age=0,no-store,private");
    Json.send(ctx, 200, response);
  }

  private ObjectNode password(Context ctx) {
    checkClient(ctx, true);
    Credentials expected = org.credentials();
    boolean userOk = expected.username().equalsIgnoreCase(nullToEmpty(param(ctx, "username")));
    boolean passwordOk = expected.password().equals(param(ctx, "password"));
    if (!userOk || !passwordOk || refused()) {
      throw OAuthException.badRequest("invalid_grant", "authentication failure");
    }
    return signed(open(), false);
  }

  private ObjectNode clientCredentials(Context ctx) {
    checkClient(ctx, true);
    if (refused()) { // the connected app's run-as user
      throw OAuthException.badRequest("invalid_grant", "authentication failure");
    }
    return signed(open(), true);
  }

  private ObjectNode refreshToken(Context ctx) {
    checkClient(ctx, false);
    String userId =
        org.sessions()
            .userForRefreshToken(param(ctx, "refresh_token"))
            .orElseThrow(
                () -> OAuthException.badRequest("invalid_grant", "expired access/refresh token"));
    if (org.sessions().isRefused(userId)) {
      // a frozen user's or revoked app's refresh tokens are refused as expired ones are
      throw OAuthException.badRequest("invalid_grant", "expired access/refresh token");
    }
    return signed(org.sessions().open(userId), true);
  }

  private ObjectNode jwtBearer(Context ctx) {
    jwt.verify(param(ctx, "assertion"), org.baseUrl());
    if (refused()) {
      throw OAuthException.badRequest("invalid_grant", "authentication failure");
    }
    ObjectNode body = base(open());
    body.put("scope", "api");
    return body;
  }

  /** Whether the org's one user is refused (frozen, deactivated, or its app access revoked). */
  private boolean refused() {
    return org.sessions().isRefused(org.identity().userId());
  }

  private Session open() {
    return org.sessions().open(org.identity().userId());
  }

  /** The client must be the configured connected app; the secret is optional only to refresh. */
  private void checkClient(Context ctx, boolean secretRequired) {
    Credentials expected = org.credentials();
    if (!expected.clientId().equals(param(ctx, "client_id"))) {
      throw OAuthException.badRequest("invalid_client_id", "client identifier invalid");
    }
    String secret = param(ctx, "client_secret");
    if ((secretRequired || secret != null) && !expected.clientSecret().equals(secret)) {
      throw OAuthException.badRequest("invalid_client", "invalid client credentials");
    }
  }

  private ObjectNode base(Session session) {
    ObjectNode body = Json.object();
    body.put("access_token", session.accessToken());
    body.put("instance_url", org.baseUrl());
    body.put("id", identityUrl());
    body.put("token_type", "Bearer");
    return body;
  }

  private ObjectNode signed(Session session, boolean withScope) {
    ObjectNode body = base(session);
    String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
    body.put("issued_at", issuedAt);
    body.put("signature", signature(body.get("id").asText() + issuedAt));
    if (withScope) {
      body.put("scope", "api");
    }
    return body;
  }

  String identityUrl() {
    return org.baseUrl() + "/id/" + org.identity().orgId() + "/" + org.identity().userId();
  }

  private String signature(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              org.credentials().clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private void revoke(Context ctx) {
    if (!org.sessions().revoke(param(ctx, "token"))) {
      throw OAuthException.badRequest("unsupported_token_type", "this token type is not supported");
    }
    ctx.status(200);
  }

  /** A parameter from the form body or, as Salesforce also accepts, the query string. */
  static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value != null ? value : ctx.queryParam(name);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
