package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.salesforce.error.RetriableSalesforceException;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.rest.SaveResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected failures: what is retried, what is not, and that nothing is lost or doubled. */
class FaultsIT {

  private static final String QUERY = "GET /services/data/{version}/query";
  private static final String NEXT_PAGE = "GET /services/data/{version}/query/{locator}";
  private static final String COLLECTIONS = "POST /services/data/{version}/composite/sobjects";
  private static final String RECORDS = "POST /services/data/{version}/sobjects/{sobject}";

  @RegisterExtension static final EmulatorOrg org = new EmulatorOrg();

  private final SalesforceClient salesforce = org.client();

  @Test
  void unavailableServersAreRetriedUntilEveryPageArrives() {
    org.emulator().seed(450);
    org.emulator().addFault(FaultRule.failing("/query", 503).withRate(0.5).times(3));
    try (SalesforceClient paging =
        SalesforceClient.connect(org.passwordConfig().queryBatchSize(200).build())) {

      List<String> ids =
          paging.query("SELECT Id FROM Account").map(r -> r.id().orElseThrow()).toList();

      assertThat(ids).hasSize(450).doesNotHaveDuplicates();
      assertThat(org.calls(QUERY) + org.calls(NEXT_PAGE)).isEqualTo(3 + 3);
    }
  }

  @Test
  void aCreateAnsweredWith503IsSentAgain() {
    org.emulator().addFault(FaultRule.failing("/sobjects", 503).onlyFor("POST").times(2));

    String id = salesforce.create("Account", Map.of("Name", "Once"));

    assertThat(id).startsWith("001");
    assertThat(org.calls(RECORDS)).isEqualTo(3);
    assertThat(salesforce.count("SELECT COUNT() FROM Account")).isEqualTo(1);
  }

  @Test
  void lockedRecordsOfACollectionsCallAreResentUntilSaved() {
    org.emulator()
        .addFault(
            FaultRule.erroring("/composite/sobjects", "UNABLE_TO_LOCK_ROW")
                .withRate(0.3)
                .onRecords()
                .times(60));

    List<SaveResult> results =
        salesforce.collections().create("Account", CollectionsIT.accounts(300), false);

    assertThat(results).hasSize(300).allMatch(SaveResult::success);
    assertThat(org.calls(COLLECTIONS)).isGreaterThan(2);
    assertThat(salesforce.count("SELECT COUNT() FROM Account")).isEqualTo(300);
  }

  @Test
  void aLockedRowOnASingleUpdateIsRetried() {
    String id = salesforce.create("Account", Map.of("Name", "Locked"));
    org.emulator()
        .addFault(FaultRule.erroring("/sobjects", "UNABLE_TO_LOCK_ROW").onlyFor("PATCH").times(2));

    salesforce.update("Account", id, Map.of("Name", "Unlocked"));

    assertThat(salesforce.retrieve("Account", id, "Name").orElseThrow().text("Name"))
        .contains("Unlocked");
    assertThat(org.calls("PATCH /services/data/{version}/sobjects/{sobject}/{id}")).isEqualTo(3);
  }

  @Test
  void anExhaustedRequestLimitWaitsLongerThanAShortBudget() {
    org.emulator().addFault(FaultRule.erroring("/query", "REQUEST_LIMIT_EXCEEDED"));
    try (SalesforceClient impatient =
        SalesforceClient.connect(org.passwordConfig().retryBudget(Duration.ofSeconds(5)).build())) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> impatient.count("SELECT COUNT() FROM Account"))
          .isInstanceOfSatisfying(
              RetriableSalesforceException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(403);
                assertThat(e.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(org.calls(QUERY)).isEqualTo(1);
    }
  }

  @Test
  void serverErrorsAreNotRetried() {
    org.emulator().addFault(FaultRule.failing("/query", 500));

    assertThatThrownBy(() -> salesforce.count("SELECT COUNT() FROM Account"))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.httpStatus()).isEqualTo(500))
        .isNotInstanceOf(RetriableSalesforceException.class);
    assertThat(org.calls(QUERY)).isEqualTo(1);
  }

  @Test
  void aReadTimeoutIsRetriedForReadsButNotForCreates() {
    org.emulator().addFault(FaultRule.slow("/query", 1500));
    org.emulator().addFault(FaultRule.slow("/sobjects", 1500).onlyFor("POST"));
    SalesforceConfig hastyConfig =
        org.passwordConfig()
            .requestTimeout(Duration.ofMillis(400))
            .retryBudget(Duration.ofSeconds(2))
            .build();
    try (SalesforceClient hasty = SalesforceClient.connect(hastyConfig)) {

      assertThatThrownBy(() -> hasty.count("SELECT COUNT() FROM Account"))
          .isInstanceOfSatisfying(
              RetriableSalesforceException.class,
              e -> assertThat(e.errorCode()).isEqualTo("TIMEOUT"));
      assertThatThrownBy(() -> hasty.create("Account", Map.of("Name", "Maybe")))
          .isInstanceOfSatisfying(
              RetriableSalesforceException.class,
              e -> assertThat(e.errorCode()).isEqualTo("TIMEOUT"));

      assertThat(org.calls(QUERY)).isGreaterThan(1);
      assertThat(org.calls(RECORDS)).isEqualTo(1);
      // The answer was lost, not the create: it lands, once. Sending it again would have doubled
      // it.
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> org.emulator().store().count("Account") == 1);
    }
  }
}
