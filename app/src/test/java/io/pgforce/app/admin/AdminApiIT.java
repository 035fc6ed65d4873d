package io.pgforce.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.app.metrics.Metrics;
import io.pgforce.engine.mapping.MappingJson;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API's HTTP contract, against a real server on a random port and a real trigger log. */
@WithPostgres
class AdminApiIT {

  static final Clock CLOCK = Clock.fixed(SampleMappings.NOW, ZoneOffset.UTC);
  private static final String LEAD =
      """
      {"version": 1, "mappings": [{"object_name": "Lead",
        "config": {"access": "read_only", "fields": {"LastName": {}}}}]}""";

  private TriggerLogWrites log;
  private FeedBackend backend;
  private AdminServer server;
  private Http http;

  @BeforeEach
  void start(TestDatabase db) throws Exception {
    log = new TriggerLogWrites(db).install();
    backend = SampleMappings.feed(new FeedBackend(CLOCK, log, Set.of("Lead", "Case")));
    Metrics metrics = new Metrics(CLOCK);
    metrics.watch(backend);
    server = AdminServer.start(AdminSettings.local(0), backend, metrics::scrape, CLOCK);
    http = new Http(server.url(), Optional.empty());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void connectionDerivesItsStateFromTheMappings() {
    JsonNode c = http.get("/api/v1/connection").json();

    assertThat(c.path("state").asText()).isEqualTo("SYSTEM_ERROR");
    assertThat(c.path("organization_id").asText()).isEqualTo("00D000000000001AAA");
    assertThat(c.path("database").asText()).isEqualTo("reachable");
    assertThat(c.path("mappings").asInt()).isEqualTo(3);
    assertThat(c.path("mapping_states").path("DATA_SYNCED").asInt()).isEqualTo(1);
    assertThat(c.path("api_usage").path("remaining").asLong()).isEqualTo(14_000);
    assertThat(c.path("pushed").asLong()).isEqualTo(7);
    assertThat(c.path("writer_restarts").asInt()).isEqualTo(2);
  }

  @Test
  void mappingsShowStateTargetCountsLagAndLoad() {
    Http.Reply reply = http.get("/api/v1/mappings");
    JsonNode account = reply.json().path("mappings").get(0);
    JsonNode contact = reply.json().path("mappings").get(1);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(account.path("object_name").asText()).isEqualTo("Account");
    assertThat(account.path("state").asText()).isEqualTo("DATA_SYNCED");
    assertThat(account.path("target").asText()).isEqualTo("RUNNING");
    assertThat(account.path("seconds_since_poll").asDouble()).isEqualTo(30.0);
    assertThat(account.path("counts").path("postgres_rows").asLong()).isEqualTo(120);
    assertThat(account.path("counts").path("salesforce_rows").asLong()).isEqualTo(121);
    assertThat(account.path("counts").path("failed").asLong()).isEqualTo(1);
    assertThat(account.path("lag_seconds").path("inbound").asDouble()).isEqualTo(0.4);
    assertThat(account.path("lag_seconds").path("outbound").isNull()).isTrue();
    assertThat(contact.path("load").path("active").asBoolean()).isTrue();
    assertThat(contact.path("load").path("percent").asDouble()).isEqualTo(25.0);
  }

  @Test
  void oneMappingIsFoundIgnoringCase() {
    JsonNode m = http.get("/api/v1/mappings/account").json();

    assertThat(m.path("object_name").asText()).isEqualTo("Account");
    assertThat(m.path("access").asText()).isEqualTo("read_write");
  }

  @Test
  void anUnknownMappingIsA404NamingTheKnownOnes() {
    Http.Reply reply = http.get("/api/v1/mappings/Invoice__c");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("error").asText()).isEqualTo("NotFound");
    assertThat(reply.json().path("message").asText())
        .contains("'Invoice__c'")
        .contains("Account, Contact, Opportunity");
  }

  @Test
  void pausingAMappingChangesItsTargetNotItsState() {
    Http.Reply reply = http.post("/api/v1/mappings/Account/pause", "");

    assertThat(reply.status()).isEqualTo(202);
    assertThat(reply.json().path("action").asText()).isEqualTo("pause");
    assertThat(reply.json().path("mapping").path("target").asText()).isEqualTo("PAUSED");
    JsonNode now = http.get("/api/v1/mappings/Account").json();
    assertThat(now.path("target").asText()).isEqualTo("PAUSED");
    assertThat(now.path("state").asText()).isEqualTo("DATA_SYNCED");
  }

  @Test
  void reloadPollAndDriftCheckAreAccepted() {
    assertThat(
            http.post("/api/v1/mappings/Account/reload", "")
                .json()
                .path("mapping")
                .path("state")
                .asText())
        .isEqualTo("RELOAD_TABLE");
    assertThat(http.post("/api/v1/mappings/Contact/poll", "").status()).isEqualTo(202);
    assertThat(http.post("/api/v1/mappings/Contact/drift-check", "").status()).isEqualTo(202);
  }

  @Test
  void anUnknownActionIsA404ListingTheActions() {
    Http.Reply reply = http.post("/api/v1/mappings/Account/explode", "");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("message").asText())
        .contains("pause, resume, reload, poll, drift-check");
  }

  @Test
  void theWholeConnectionPausesAndResumes() {
    Http.Reply paused = http.post("/api/v1/connection/pause", "");
    List<String> targets = targets();
    Http.Reply resumed = http.post("/api/v1/connection/resume", "");

    assertThat(paused.status()).isEqualTo(202);
    assertThat(paused.json().path("mappings")).hasSize(3);
    assertThat(targets).containsOnly("PAUSED");
    assertThat(resumed.status()).isEqualTo(202);
    assertThat(targets()).containsOnly("RUNNING");
    assertThat(http.post("/api/v1/connection/reload", "").status()).isEqualTo(404);
  }

  @Test
  void recentErrorsComeFromTheTriggerLogNewestFirst() throws Exception {
    long first = log.failed("account", "001000000000001AAA", "REQUIRED_FIELD_MISSING: Name");
    long second = log.failed("contact", "003000000000001AAA", "INVALID_EMAIL_ADDRESS: Email");

    JsonNode all = http.get("/api/v1/errors").json().path("errors");
    JsonNode accounts = http.get("/api/v1/errors?object=Account&limit=5").json().path("errors");

    assertThat(all).hasSize(2);
    assertThat(all.get(0).path("id").asLong()).isEqualTo(second);
    assertThat(all.get(0).path("object_name").asText()).isEqualTo("Contact");
    assertThat(all.get(0).path("message").asText()).isEqualTo("INVALID_EMAIL_ADDRESS: Email");
    assertThat(accounts).hasSize(1);
    assertThat(accounts.get(0).path("id").asLong()).isEqualTo(first);
    assertThat(accounts.get(0).path("sfid").asText()).isEqualTo("001000000000001AAA");
  }

  @Test
  void errorQueriesAreChecked() {
    assertThat(http.get("/api/v1/errors?limit=0").status()).isEqualTo(400);
    assertThat(http.get("/api/v1/errors?limit=many").json().path("message").asText())
        .contains("limit must be a whole number");
    assertThat(http.get("/api/v1/errors?object=Nope").status()).isEqualTo(404);
  }

  @Test
  void retryingAFailedWriteQueuesItAgainOnce() throws Exception {
    long id = log.failed("account", "001000000000001AAA", "UNABLE_TO_LOCK_ROW");

    Http.Reply retried = http.post("/api/v1/errors/" + id + "/retry", "");
    Http.Reply again = http.post("/api/v1/errors/" + id + "/retry", "");

    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().path("state").asText()).isEqualTo("NEW");
    assertThat(log.state(id)).isEqualTo("NEW");
    assertThat(again.status()).isEqualTo(404);
    assertThat(http.post("/api/v1/errors/abc/retry", "").status()).isEqualTo(400);
  }

  @Test
  void aMappingIsCreatedFromHerokuConnectJson() {
    Http.Reply created = http.post("/api/v1/mappings", LEAD);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("created").get(0).path("object_name").asText())
        .isEqualTo("Lead");
    assertThat(created.json().path("created").get(0).path("state").asText()).isEqualTo("INITIAL");
    assertThat(http.get("/api/v1/mappings/Lead").status()).isEqualTo(200);
    assertThat(MappingJson.read(http.get("/api/v1/export").body(), "export").mapping("Lead"))
        .isPresent();
  }

  @Test
  void aSingleMappingEntryIsAcceptedAsHerokuConnectsCreateCallTakesIt() {
    Http.Reply created =
        http.post(
            "/api/v1/mappings",
            "{\"object_name\": \"Case\", \"config\": {\"access\": \"read_write\", \"fields\": {\"Subject\": {}}}}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(http.get("/api/v1/mappings/Case").json().path("access").asText())
        .isEqualTo("read_write");
  }

  @Test
  void badMappingJsonIsA400NamingWhatIsWrong() {
    Http.Reply syntax = http.post("/api/v1/mappings", "{\"mappings\": [");
    Http.Reply access =
        http.post(
            "/api/v1/mappings",
            "{\"mappings\": [{\"object_name\": \"Lead\", \"config\": {\"access\": \"sideways\"}}]}");
    Http.Reply empty = http.post("/api/v1/mappings", "");

    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.json().path("problems").get(0).asText()).contains("not valid JSON");
    assertThat(access.status()).isEqualTo(400);
    assertThat(access.json().path("problems").get(0).asText())
        .startsWith("mappings[0].config.access");
    assertThat(empty.status()).isEqualTo(400);
  }

  @Test
  void anObjectTheOrgLacksIsA400AndAMappedOneA409() {
    Http.Reply unknown = http.post("/api/v1/mappings", LEAD.replace("\"Lead\"", "\"Invoice__c\""));
    Http.Reply existing = http.post("/api/v1/mappings", LEAD.replace("\"Lead\"", "\"Account\""));

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("problems").get(0).asText())
        .contains("not available in the org");
    assertThat(existing.status()).isEqualTo(409);
    assertThat(existing.json().path("message").asText()).isEqualTo("already mapped: Account");
  }

  @Test
  void unknownPathsAnswerInJsonToo() {
    Http.Reply reply = http.get("/api/v1/nothing-here");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.json().path("message").asText()).contains("GET /api/v1/nothing-here");
  }

  @Test
  void metricsAreServedInPrometheusTextFormat() {
    Http.Reply reply = http.get("/metrics");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    assertThat(reply.body()).contains("pgforce_trigger_log_backlog{mapping=\"Account\"} 2.0");
  }

  @Test
  void theDashboardIsServedWithAPolicyThatRunsOnlyItsOwnScript() {
    Http.Reply page = http.get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("<script src=\"/dashboard.js\"");
    assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
    assertThat(http.get("/dashboard.js").header("Content-Type")).startsWith("text/javascript");
  }

  private List<String> targets() {
    List<String> targets = new ArrayList<>();
    http.get("/api/v1/mappings")
        .json()
        .path("mappings")
        .forEach(m -> targets.add(m.path("target").asText()));
    return targets;
  }
}
