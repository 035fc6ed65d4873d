package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pgforce.emulator.store.ChangeEvent;
import io.pgforce.emulator.store.ChangeListener;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.rest.DeletedRecords;
import io.pgforce.salesforce.rest.Describes;
import io.pgforce.salesforce.rest.SObjectDescribe;
import io.pgforce.salesforce.rest.SObjectRecord;
import io.pgforce.salesforce.rest.SaveResult;
import io.pgforce.salesforce.rest.UpdatedIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Every REST call of the client against the emulator over real HTTP. */
class RestIT {

  private static final String QUERY = "GET /services/data/{version}/query";
  private static final String NEXT_PAGE = "GET /services/data/{version}/query/{locator}";
  private static final String DESCRIBE = "GET /services/data/{version}/sobjects/{sobject}/describe";

  private static final FakeClock emulatorClock = FakeClock.realTime();
  private static final FakeClock clientClock = FakeClock.realTime();

  @RegisterExtension
  static final EmulatorOrg org =
      new EmulatorOrg(
          emulator -> emulator.clock(emulatorClock),
          client ->
              client
                  .clock(clientClock)
                  .queryBatchSize(200)
                  .describeRefreshInterval(Duration.ofMinutes(5)));

  private final SalesforceClient salesforce = org.client();

  @Test
  void listsVersionsAndObjects() {
    assertThat(salesforce.versions()).anySatisfy(v -> assertThat(v.version()).isEqualTo("60.0"));
    assertThat(salesforce.describeGlobal())
        .anySatisfy(
            o -> {
              assertThat(o.name()).isEqualTo("Account");
              assertThat(o.keyPrefix()).isEqualTo("001");
              assertThat(o.replicateable()).isTrue();
            })
        .anySatisfy(o -> assertThat(o.name()).isEqualTo("Invoice__c"));
  }

  @Test
  void describesAreCachedThenRevalidatedWithIfModifiedSince() {
    long serverStart = Instant.now().getEpochSecond();
    // HTTP dates have whole seconds: let the org's metadata be at least a second old.
    await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > serverStart);
    ListAppender<ILoggingEvent> log = capture(Describes.class);

    SObjectDescribe first = salesforce.describe("Invoice__c");
    SObjectDescribe cached = salesforce.describe("invoice__c");
    clientClock.advance(Duration.ofMinutes(6));
    SObjectDescribe revalidated = salesforce.describe("Invoice__c");

    assertThat(first.field("Number__c"))
        .hasValueSatisfying(f -> assertThat(f.externalId()).isTrue());
    assertThat(first.field("Account__c").orElseThrow().referenceTo()).containsExactly("Account");
    assertThat(cached).isSameAs(first);
    assertThat(revalidated).isSameAs(first);
    assertThat(org.calls(DESCRIBE)).isEqualTo(2);
    assertThat(log.list)
        .anySatisfy(
            e -> assertThat(e.getFormattedMessage()).contains("Invoice__c unchanged (304)"));
  }

  @Test
  void queriesPageLazilyThroughNextRecordsUrl() {
    org.emulator().seed(450);

    List<SObjectRecord> all =
        salesforce.query("SELECT Id, Name FROM Account ORDER BY Name").toList();
    long firstPageCalls = org.calls(QUERY);
    List<SObjectRecord> firstTen = salesforce.query("SELECT Id FROM Account").limit(10).toList();

    assertThat(all).hasSize(450);
    assertThat(all)
        .extracting(r -> r.id().orElseThrow())
        .doesNotHaveDuplicates()
        .allMatch(id -> id.startsWith("001"));
    assertThat(all.get(0).text("Name").orElseThrow())
        .isLessThanOrEqualTo(all.get(449).text("Name").orElseThrow());
    assertThat(firstPageCalls).isEqualTo(1);
    assertThat(org.calls(NEXT_PAGE)).isEqualTo(2);
    assertThat(firstTen).hasSize(10);
    assertThat(org.calls(QUERY)).isEqualTo(2);
    assertThat(salesforce.count("SELECT COUNT() FROM Account")).isEqualTo(450);
  }

  @Test
  void parentRelationshipsNest() {
    String accountId = salesforce.create("Account", Map.of("Name", "Acme"));
    salesforce.create("Contact", Map.of("LastName", "Doe", "AccountId", accountId));

    SObjectRecord contact =
        salesforce.query("SELECT LastName, Account.Name FROM Contact").findFirst().orElseThrow();

    assertThat(contact.type()).isEqualTo("Contact");
    assertThat(contact.get("Account.Name").asText()).isEqualTo("Acme");
  }

  @Test
  void queryAllAlsoReturnsDeletedRecords() {
    String kept = salesforce.create("Account", Map.of("Name", "Kept"));
    String deleted = salesforce.create("Account", Map.of("Name", "Deleted"));
    salesforce.delete("Account", deleted);

    assertThat(salesforce.query("SELECT Id FROM Account").map(r -> r.id().orElseThrow()))
        .containsExactly(kept);
    assertThat(
            salesforce
                .queryAll("SELECT Id, IsDeleted FROM Account")
                .filter(r -> r.get("IsDeleted").asBoolean()))
        .extracting(r -> r.id().orElseThrow())
        .containsExactly(deleted);
  }

  @Test
  void singleRecordCallsCreateReadUpdateUpsertAndDelete() {
    String id = salesforce.create("Account", Map.of("Name", "Acme", "Ext_Id__c", "A-1"));
    salesforce.update("Account", id, Map.of("Phone", "555-0100"));
    SaveResult updated =
        salesforce.upsert("Account", "Ext_Id__c", "A-1", Map.of("Name", "Acme Corp"));
    SaveResult inserted =
        salesforce.upsert("Account", "Ext_Id__c", "A 2/b", Map.of("Name", "Beta"));
    SObjectRecord read = salesforce.retrieve("Account", id, "Name", "Phone").orElseThrow();
    salesforce.delete("Account", id);

    assertThat(read.text("Name")).contains("Acme Corp");
    assertThat(read.text("Phone")).contains("555-0100");
    assertThat(updated.created()).isFalse();
    assertThat(updated.id()).contains(id);
    assertThat(inserted.created()).isTrue();
    assertThat(
            salesforce
                .retrieve("Account", inserted.id().orElseThrow())
                .orElseThrow()
                .text("Ext_Id__c"))
        .contains("A 2/b");
    assertThat(salesforce.retrieve("Account", id)).isEmpty();
    assertThatThrownBy(() -> salesforce.delete("Account", id))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ENTITY_IS_DELETED"));
  }

  @Test
  void getUpdatedAndGetDeletedCoverTheWindow() {
    Instant start = emulatorClock.instant().minus(Duration.ofMinutes(5));
    String changed = salesforce.create("Account", Map.of("Name", "Changed"));
    String gone = salesforce.create("Account", Map.of("Name", "Gone"));
    salesforce.delete("Account", gone);
    emulatorClock.advance(Duration.ofMinutes(2)); // the current minute is never covered
    Instant end = emulatorClock.instant();

    UpdatedIds updated = salesforce.getUpdated("Account", start, end);
    DeletedRecords deleted = salesforce.getDeleted("Account", start, end);

    assertThat(updated.ids()).containsExactly(changed);
    assertThat(updated.latestDateCovered()).isBeforeOrEqualTo(end).isAfter(start);
    assertThat(deleted.records())
        .extracting(DeletedRecords.DeletedRecord::id)
        .containsExactly(gone);
    assertThat(deleted.earliestDateAvailable()).isBefore(start);
  }

  @Test
  void reportsLimitsAndTheUsageOfEachResponse() {
    salesforce.count("SELECT COUNT() FROM Account");
    ApiUsage before = salesforce.apiUsage().orElseThrow();
    salesforce.count("SELECT COUNT() FROM Account");

    assertThat(salesforce.apiUsage().orElseThrow().used()).isEqualTo(before.used() + 1);
    assertThat(salesforce.limits().get("DailyApiRequests"))
        .hasValueSatisfying(l -> assertThat(l.max()).isEqualTo(before.max()));
  }

  @Test
  void sendsTheClientNameThatChangeOriginWillCarry() {
    List<ChangeEvent> changes = new CopyOnWriteArrayList<>();
    ChangeListener listener = changes::add;
    org.emulator().store().addChangeListener(listener);
    try {
      salesforce.create("Account", Map.of("Name", "Tagged"));
    } finally {
      org.emulator().store().removeChangeListener(listener);
    }
    assertThat(changes)
        .singleElement()
        .satisfies(c -> assertThat(c.clientId()).contains("pgforce"));
  }

  @Test
  void badQueriesFailTypedAndAreNotRetried() {
    assertThatThrownBy(() -> salesforce.query("SELECT Nope__c FROM Account").toList())
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
              assertThat(ErrorClassifier.isRetriable(e)).isFalse();
            });
    assertThatThrownBy(() -> salesforce.query("SELEC Id FROM Account").toList())
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
    assertThat(org.calls(QUERY)).isEqualTo(2);
  }

  private static ListAppender<ILoggingEvent> capture(Class<?> type) {
    Logger logger = (Logger) LoggerFactory.getLogger(type);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }
}
