package io.pgforce.emulator.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.server.RequestGate;
import io.pgforce.emulator.server.WireFormat;
import io.pgforce.emulator.session.Session;
import io.pgforce.emulator.store.StoredRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * The identity URL ({@code /id/<orgId>/<userId>}, the {@code id} of a token response) and OpenID
 * Connect's {@code /services/oauth2/userinfo}: who the session's user is. A missing or bad token
 * gets Salesforce's plain {@code 403 Bad_OAuth_Token}.
 */
public final class IdentityApi implements ApiArea {

  private final OrgServices org;

  public IdentityApi(OrgServices org) {
    this.org = org;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/id/{orgId}/{userId}", this::identity);
    config.routes.post("/id/{orgId}/{userId}", this::identity);
    config.routes.get("/services/oauth2/userinfo", this::userInfo);
    config.routes.post("/services/oauth2/userinfo", this::userInfo);
  }

  private void identity(Context ctx) {
    if (session(ctx).isEmpty()) {
      return;
    }
    if (!names(ctx.pathParam("orgId"), org.identity().orgId())
        || !names(ctx.pathParam("userId"), org.identity().userId())) {
      ctx.status(403).contentType("text/plain").result("Bad_Id");
      return;
    }
    StoredRecord user = adminUser();
    ObjectNode body = Json.object();
    body.put("id", identityUrl());
    body.put("asserted_user", true);
    body.put("username", org.identity().username());
    body.put("nick_name", text(user, "Alias"));
    body.put("display_name", text(user, "Name"));
    body.put("first_name", text(user, "FirstName"));
    body.put("last_name", text(user, "LastName"));
    body.put("timezone", text(user, "TimeZoneSidKey"));
    body.putObject("photos").putNull("picture").putNull("thumbnail");
    body.put("last_modified_date", lastModified(user));
    body.put("is_app_installed", true);
    common(body, user);
    Json.send(ctx, 200, body);
  }

  private void userInfo(Context ctx) {
    if (session(ctx).isEmpty()) {
      return;
    }
    StoredRecord user = adminUser();
    ObjectNode body = Json.object();
    body.put("sub", identityUrl());
    body.put("preferred_username", org.identity().username());
    body.put("nickname", text(user, "Alias"));
    body.put("name", text(user, "Name"));
    body.put("given_name", text(user, "FirstName"));
    body.put("family_name", text(user, "LastName"));
    body.put("zoneinfo", text(user, "TimeZoneSidKey"));
    body.put("profile", org.baseUrl() + "/" + org.identity().userId());
    body.put("updated_at", lastModified(user));
    common(body, user);
    Json.send(ctx, 200, body);
  }

  /** The keys identity and userinfo share. */
  private void common(ObjectNode body, StoredRecord user) {
    body.put("user_id", org.identity().userId());
    body.put("organization_id", org.identity().orgId());
    body.put("email", text(user, "Email"));
    body.put("email_verified", true);
    body.put("active", true);
    body.put("user_type", "STANDARD");
    body.put("language", text(user, "LanguageLocaleKey"));
    body.put("locale", text(user, "LocaleSidKey"));
    body.put("utcOffset", 0);
    body.set("urls", urls());
  }

  /** Whether an id in the URL (15 or 18 characters) names {@code id}. */
  private static boolean names(String given, String id) {
    return given.length() >= 15 && id.startsWith(given.substring(0, 15));
  }

  private static String lastModified(StoredRecord user) {
    return WireFormat.dateTime((Instant) user.getOrNull("LastModifiedDate"));
  }

  private Optional<Session> session(Context ctx) {
    Optional<Session> session =
        RequestGate.bearer(ctx)
            .or(() -> Optional.ofNullable(ctx.queryParam("oauth_token")))
            .flatMap(org.sessions()::find);
    if (session.isEmpty()) {
      ctx.status(403).contentType("text/plain").result("Bad_OAuth_Token");
    }
    return session;
  }

  private StoredRecord adminUser() {
    return org.store().find(org.identity().userId()).orElseThrow();
  }

  private String identityUrl() {
    return org.baseUrl() + "/id/" + org.identity().orgId() + "/" + org.identity().userId();
  }

  /** The service URLs, with Salesforce's literal {@code {version}} placeholder. */
  private ObjectNode urls() {
    String base = org.baseUrl();
    String orgId = org.identity().orgId();
    ObjectNode urls = Json.object();
    urls.put("enterprise", base + "/services/Soap/c/{version}/" + orgId);
    urls.put("metadata", base + "/services/Soap/m/{version}/" + orgId);
    urls.put("partner", base + "/services/Soap/u/{version}/" + orgId);
    urls.put("rest", base + "/services/data/v{version}/");
    urls.put("sobjects", base + "/services/data/v{version}/sobjects/");
    urls.put("search", base + "/services/data/v{version}/search/");
    urls.put("query", base + "/services/data/v{version}/query/");
    urls.put("recent", base + "/services/data/v{version}/recent/");
    urls.put("profile", base + "/" + org.identity().userId());
    urls.put("custom_domain", base);
    return urls;
  }

  private static String text(StoredRecord record, String field) {
    Object value = record.getOrNull(field);
    return value == null ? null : value.toString();
  }
}
