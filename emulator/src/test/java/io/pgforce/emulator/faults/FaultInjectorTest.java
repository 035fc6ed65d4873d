package io.pgforce.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.emulator.errors.SalesforceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

  private final List<Long> sleeps = new ArrayList<>();
  private final FaultInjector faults = new FaultInjector(new Random(7), sleeps::add);

  @Test
  void endpointsMatchByPathPrefixBelowTheVersionOrInFull() {
    FaultRule rule = FaultRule.failing("/composite/sobjects", 503);
    assertThat(rule.matches("POST", "/services/data/v60.0/composite/sobjects")).isTrue();
    assertThat(rule.matches("PATCH", "/services/data/v60.0/composite/sobjects/Account/X__c"))
        .isTrue();
    assertThat(rule.matches("POST", "/services/data/v60.0/composite/sobjectsX")).isFalse();
    assertThat(
            FaultRule.failing("/services/oauth2/token", 503)
                .matches("POST", "/services/oauth2/token"))
        .isTrue();
    assertThat(FaultRule.failing(null, 503).matches("GET", "/anything")).isTrue();
    assertThat(rule.onlyFor("delete").matches("POST", "/services/data/v60.0/composite/sobjects"))
        .isFalse();
  }

  @Test
  void statusFaultsFailWithSalesforceShapedErrors() {
    faults.add(FaultRule.failing("/query", 503));
    assertThatThrownBy(() -> faults.beforeRequest("GET", "/services/data/v60.0/query"))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.code()).isEqualTo("SERVER_UNAVAILABLE");
            });
    faults.beforeRequest("GET", "/services/data/v60.0/sobjects");
  }

  @Test
  void errorFaultsTakeTheStatusSalesforceUses() {
    faults.add(FaultRule.erroring(null, "REQUEST_LIMIT_EXCEEDED"));
    assertThatThrownBy(() -> faults.beforeRequest("GET", "/x"))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.status()).isEqualTo(403));
  }

  @Test
  void timesRetiresTheRuleAfterThatManyFailures() {
    faults.add(FaultRule.failing(null, 500).times(2));
    assertThatThrownBy(() -> faults.beforeRequest("GET", "/x"));
    assertThatThrownBy(() -> faults.beforeRequest("GET", "/x"));
    faults.beforeRequest("GET", "/x");
    assertThat(faults.rules()).isEmpty();
  }

  @Test
  void ratesFailAboutThatShareOfRecords() {
    faults.add(FaultRule.erroring(null, "UNABLE_TO_LOCK_ROW").withRate(0.5).onRecords());
    int failed = 0;
    for (int i = 0; i < 1000; i++) {
      failed += faults.recordFault("POST", "/x").isPresent() ? 1 : 0;
    }
    assertThat(failed).isBetween(400, 600);
    faults.beforeRequest("POST", "/x");
  }

  @Test
  void latencyIsAppliedToEveryMatchingRequest() {
    faults.add(FaultRule.slow("/limits", 250));
    faults.beforeRequest("GET", "/services/data/v60.0/limits");
    faults.beforeRequest("GET", "/services/data/v60.0/query");
    assertThat(sleeps).containsExactly(250L);
  }

  @Test
  void rulesCanBeRemovedOneByOneOrAll() {
    long id = faults.add(FaultRule.failing(null, 500)).id();
    faults.add(FaultRule.failing(null, 503));
    assertThat(faults.remove(id)).isTrue();
    assertThat(faults.remove(id)).isFalse();
    faults.clear();
    assertThat(faults.rules()).isEmpty();
  }

  @Test
  void invalidRulesAreRefused() {
    assertThatThrownBy(() -> FaultRule.failing(null, 503).withRate(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.failing(null, 99))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.slow(null, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void callStatsCountByEndpoint() {
    CallStats stats = new CallStats();
    stats.record("GET /a");
    stats.record("GET /a");
    stats.record("POST /b");
    assertThat(stats.snapshot()).containsEntry("GET /a", 2L).containsEntry("POST /b", 1L);
    assertThat(stats.total()).isEqualTo(3);
    stats.reset();
    assertThat(stats.count("GET /a")).isZero();
  }
}
