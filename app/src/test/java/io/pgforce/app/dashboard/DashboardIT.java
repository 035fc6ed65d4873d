package io.pgforce.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.app.admin.AdminServer;
import io.pgforce.app.admin.AdminSettings;
import io.pgforce.app.admin.FeedBackend;
import io.pgforce.app.admin.SampleMappings;
import io.pgforce.app.admin.TriggerLogWrites;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard as a person sees it, in headless Chromium: the mappings table with states and
 * progress, the buttons, the errors list and the token prompt. The backend is fed by the test and
 * its failed writes live in a real trigger log.
 */
@WithPostgres
class DashboardIT {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static ChromeDriver browser;
  private TriggerLogWrites log;
  private AdminServer server;

  @BeforeAll
  static void openBrowser() throws Exception {
    browser = Chromium.start();
  }

  @AfterAll
  static void closeBrowser() {
    browser.quit();
  }

  @BeforeEach
  void startServer(TestDatabase db) throws Exception {
    log = new TriggerLogWrites(db).install();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void showsEachMappingWithItsStateCountsAndLoadProgress() {
    open(Optional.empty());

    await().atMost(WAIT).until(() -> cell("Account", 3).equals("DATA_SYNCED"));
    assertThat(browser.findElement(By.id("connection-state")).getText()).isEqualTo("SYSTEM_ERROR");
    assertThat(cell("Account", 5)).isEqualTo("120");
    assertThat(cell("Account", 8)).isEqualTo("1");
    assertThat(cell("Contact", 3)).isEqualTo("POLLING_SF_BULK");
    assertThat(cell("Contact", 11)).contains("25%").contains("250 / 1,000");
    assertThat(cell("Opportunity", 3)).contains("SYSTEM_ERROR").contains("UNABLE_TO_LOCK_ROW");
  }

  @Test
  void pausingFromTheTableChangesTheTargetAndOffersResume() {
    open(Optional.empty());
    await().atMost(WAIT).until(() -> cell("Account", 4).equals("RUNNING"));

    button("Account", "pause").click();

    await().atMost(WAIT).until(() -> cell("Account", 4).equals("PAUSED"));
    assertThat(button("Account", "resume").getText()).isEqualTo("Resume");
    assertThat(cell("Contact", 4)).isEqualTo("RUNNING");
  }

  @Test
  void aFailedWriteIsListedAndRetriedWithAClick() throws Exception {
    long id = log.failed("account", "001000000000001AAA", "REQUIRED_FIELD_MISSING: <b>Name</b>");
    open(Optional.empty());
    By row = By.cssSelector("#errors tr[data-error='" + id + "']");
    await().atMost(WAIT).until(() -> !browser.findElements(row).isEmpty());
    // shown as text: the markup in Salesforce's message is not interpreted
    assertThat(browser.findElement(row).getText()).contains("REQUIRED_FIELD_MISSING: <b>Name</b>");

    browser.findElement(row).findElement(By.tagName("button")).click();

    await().atMost(WAIT).until(() -> browser.findElements(row).isEmpty());
    assertThat(log.state(id)).isEqualTo("NEW");
    assertThat(browser.findElement(By.id("no-errors")).isDisplayed()).isTrue();
  }

  @Test
  void whenATokenIsRequiredThePageAsksForItOnce() {
    open(Optional.of("let-me-in"));
    await().atMost(WAIT).until(() -> browser.findElement(By.id("token-form")).isDisplayed());

    browser.findElement(By.id("token")).sendKeys("let-me-in");
    browser.findElement(By.cssSelector("#token-form button")).click();

    await().atMost(WAIT).until(() -> cell("Account", 3).equals("DATA_SYNCED"));
    assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
    browser.navigate().refresh();
    await().atMost(WAIT).until(() -> cell("Account", 3).equals("DATA_SYNCED"));
    assertThat(browser.findElement(By.id("token-form")).isDisplayed()).isFalse();
  }

  private void open(Optional<String> token) {
    FeedBackend backend = SampleMappings.feed(new FeedBackend(Clock.systemUTC(), log, Set.of()));
    server =
        AdminServer.start(
            new AdminSettings("127.0.0.1", 0, token), backend, () -> "", Clock.systemUTC());
    browser.manage().deleteAllCookies();
    browser.get(server.url() + "/");
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.navigate().refresh();
  }

  /** The text of a mapping's cell, columns counted from 1 as they read on screen. */
  private static String cell(String object, int column) {
    return row(browser, object)
        .map(r -> r.findElement(By.cssSelector("td:nth-child(" + column + ")")).getText())
        .orElse("");
  }

  private static WebElement button(String object, String action) {
    return row(browser, object)
        .orElseThrow()
        .findElement(By.cssSelector("button[data-action='" + action + "']"));
  }

  private static Optional<WebElement> row(WebDriver browser, String object) {
    return browser
        .findElements(By.cssSelector("#mappings tr[data-object='" + object + "']"))
        .stream()
        .findFirst();
  }
}
