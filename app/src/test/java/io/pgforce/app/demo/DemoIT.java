package io.pgforce.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.app.admin.Http;
import io.pgforce.app.dashboard.Chromium;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.salesforce.AuthFlow;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.SalesforceConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import picocli.CommandLine;

/**
 * {@code pgforce demo} run in-process on random ports, with its embedded PostgreSQL, the emulator
 * and the real engine: it loads the sample org, prints what to try, and what it says works. Its
 * daemon is also where the admin API, the metrics and the dashboard (in headless Chromium) are
 * checked against the real engine rather than a fed backend.
 */
class DemoIT {

  private static final Duration LOAD = Duration.ofSeconds(120);
  private static final StringWriter OUT = new StringWriter();
  private static final DemoCommand DEMO = new DemoCommand();
  private static CompletableFuture<Integer> exit;

  @BeforeAll
  static void runDemo() {
    CommandLine cmd = new CommandLine(DEMO).setOut(new PrintWriter(OUT, true));
    exit =
        CompletableFuture.supplyAsync(
            () -> cmd.execute("--port", "0", "--emulator-port", "0", "--seed-records", "400"));
    await().atMost(LOAD).until(() -> printed().contains("Synced. Try it:") || exit.isDone());
    assertThat(printed()).contains("Synced. Try it:");
  }

  @AfterAll
  static void stopDemo() throws Exception {
    DEMO.stop.countDown();
    assertThat(exit.get()).isZero();
    assertThat(printed()).contains("pgforce demo stopped.");
  }

  @Test
  void everyMappingIsLoadedAndTheBannerSaysWhereThingsAre() {
    JsonNode mappings = api().get("/api/v1/mappings").json().path("mappings");

    assertThat(mappings.findValuesAsText("object_name"))
        .startsWith("Account", "Contact", "Opportunity");
    for (int i = 0; i < 3; i++) {
      assertThat(mappings.get(i).path("state").asText()).isEqualTo("DATA_SYNCED");
    }
    assertThat(mappings.get(0).path("counts").path("postgres_rows").asLong()).isEqualTo(100);
    assertThat(mappings.get(1).path("counts").path("postgres_rows").asLong()).isEqualTo(200);
    assertThat(printed())
        .contains("psql \"postgres://")
        .contains("username admin@pgforce.local   password pgforce123")
        .contains("Account and Contact read-write, Opportunity read-only");
  }

  @Test
  void theExampleUpdateArrivesInSalesforce() throws Exception {
    String sfid = find("WHERE sfid = '(\\w{18})'");
    try (Connection c = DriverManager.getConnection(jdbc().jdbcUrl(), "postgres", null)) {
      c.createStatement()
          .execute(
              "UPDATE salesforce.account SET phone = '+1 555 0100' WHERE sfid = '" + sfid + "'");
    }
    try (SalesforceClient org = login()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  org.retrieve("Account", sfid, "Phone")
                      .flatMap(r -> r.text("Phone"))
                      .map("+1 555 0100"::equals)
                      .orElse(false));
    }
  }

  @Test
  void theDashboardShowsTheRealMappingsAndPausesOne() throws Exception {
    ChromeDriver browser = Chromium.start();
    try {
      browser.get(find("Dashboard: +(http://\\S+)"));
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> cell(browser, "Opportunity", 3).equals("DATA_SYNCED"));
      assertThat(cell(browser, "Account", 5)).isEqualTo("100");

      await()
          .atMost(Duration.ofSeconds(15))
          .ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
          .until(
              () -> {
                browser
                    .findElement(
                        By.cssSelector(
                            "#mappings tr[data-object='Opportunity'] button[data-action='pause']"))
                    .click();
                return true;
              });

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> cell(browser, "Opportunity", 4).equals("PAUSED"));
      assertThat(api().get("/api/v1/mappings/Opportunity").json().path("target").asText())
          .isEqualTo("PAUSED");
    } finally {
      api().post("/api/v1/mappings/Opportunity/resume", "");
      browser.quit();
    }
  }

  @Test
  void aMappingPostedToTheRealDaemonIsCheckedAgainstTheOrgAndStarts() {
    Http.Reply unknown = api().post("/api/v1/mappings", mapping("Invoice__c", "Name"));
    Http.Reply created = api().post("/api/v1/mappings", mapping("Lead", "LastName"));

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("problems").get(0).asText()).contains("Invoice__c");
    assertThat(created.status()).isEqualTo(201);
    await()
        .atMost(LOAD)
        .until(
            () ->
                api()
                    .get("/api/v1/mappings/Lead")
                    .json()
                    .path("state")
                    .asText()
                    .equals("DATA_SYNCED"));
    JsonNode export = api().get("/api/v1/export").json();
    assertThat(export.path("connection").path("organization_id").asText()).startsWith("00D");
    assertThat(export.path("mappings").findValuesAsText("object_name")).contains("Account", "Lead");
    assertThat(api().post("/api/v1/mappings", mapping("Lead", "LastName")).status()).isEqualTo(409);
  }

  @Test
  void aWriteTheOrgRefusesIsListedAndCanBeRetried() throws Exception {
    try (Connection c = DriverManager.getConnection(jdbc().jdbcUrl(), "postgres", null)) {
      c.createStatement()
          .execute(
              "UPDATE salesforce.contact SET lastname = NULL WHERE id = (SELECT min(id) FROM salesforce.contact)");
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api().get("/api/v1/errors?object=Contact").json().path("errors").size() > 0);
    JsonNode error = api().get("/api/v1/errors?object=Contact").json().path("errors").get(0);

    assertThat(error.path("object_name").asText()).isEqualTo("Contact");
    assertThat(error.path("message").asText()).isNotBlank();
    assertThat(api().post("/api/v1/errors/" + error.path("id").asLong() + "/retry", "").status())
        .isEqualTo(200);
  }

  @Test
  void connectionAndMetricsReportTheRealEngine() {
    JsonNode connection = api().get("/api/v1/connection").json();
    String metrics = api().get("/metrics").body();

    assertThat(connection.path("organization_id").asText()).startsWith("00D");
    assertThat(connection.path("database").asText()).isEqualTo("reachable");
    assertThat(connection.path("api_usage").path("max").asLong()).isPositive();
    assertThat(metrics)
        .contains("pgforce_postgres_rows{mapping=\"Account\"}")
        .contains("pgforce_mapping_state{mapping=\"Account\",state=\"DATA_SYNCED\"} 1.0")
        .containsPattern("pgforce_salesforce_api_calls_used [1-9]");
  }

  private static String mapping(String object, String field) {
    return "{\"object_name\": \"%s\", \"config\": {\"access\": \"read_only\", \"fields\": {\"%s\": {}}}}"
        .formatted(object, field);
  }

  /**
   * A cell's text. The dashboard redraws its table every two seconds, so a row found just before a
   * redraw is gone when read: read it again from the new table.
   */
  private static String cell(ChromeDriver browser, String object, int column) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readCell(browser, object, column);
      } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
        if (attempt == 5) {
          throw redrawn;
        }
      }
    }
  }

  private static String readCell(ChromeDriver browser, String object, int column) {
    return browser
        .findElements(By.cssSelector("#mappings tr[data-object='" + object + "']"))
        .stream()
        .findFirst()
        .map(r -> r.findElement(By.cssSelector("td:nth-child(" + column + ")")))
        .map(WebElement::getText)
        .orElse("");
  }

  private static Http api() {
    return new Http(find("Dashboard: +(http://\\S+)"), Optional.empty());
  }

  private static DatabaseUrl jdbc() {
    return DatabaseUrl.parse(find("PostgreSQL: +psql \"([^\"]+)\""));
  }

  private static SalesforceClient login() {
    return SalesforceClient.connect(
        SalesforceConfig.builder()
            .loginUrl(find("login URL (http://\\S+)"))
            .authFlow(AuthFlow.PASSWORD)
            .username("admin@pgforce.local")
            .password("pgforce123")
            .clientId("pgforce-client-id")
            .clientSecret("pgforce-client-secret")
            .build());
  }

  private static String find(String regex) {
    Matcher m = Pattern.compile(regex).matcher(printed());
    assertThat(m.find()).as("printed: " + regex).isTrue();
    return m.group(1);
  }

  private static String printed() {
    return OUT.toString();
  }
}
