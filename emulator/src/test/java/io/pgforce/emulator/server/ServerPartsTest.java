package io.pgforce.emulator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ServerPartsTest {

  @Test
  void versionsRunFrom20WithReleaseNames() {
    ApiVersions versions = new ApiVersions("60.0");
    assertThat(versions.all()).hasSize(41);
    assertThat(versions.all().get(0).label()).isEqualTo("Winter '11");
    assertThat(ApiVersions.label(31)).isEqualTo("Summer '14");
    assertThat(ApiVersions.label(60)).isEqualTo("Spring '24");
    assertThat(versions.supports("50.0")).isTrue();
    assertThat(versions.supports("61.0")).isFalse();
    assertThat(versions.supports("19.0")).isFalse();
    assertThat(versions.supports("60.5")).isFalse();
    assertThat(versions.supports("x")).isFalse();
  }

  @Test
  void dailyRequestsAreCountedAndStartOverEachDay() {
    MutableClock clock = MutableClock.at("2024-01-01T23:59:00Z");
    OrgLimits limits = new OrgLimits(clock, 2);
    assertThat(limits.tryUseApiRequest()).isTrue();
    assertThat(limits.tryUseApiRequest()).isTrue();
    assertThat(limits.tryUseApiRequest()).isFalse();
    assertThat(limits.header()).isEqualTo("api-usage=2/2");
    clock.advance(Duration.ofMinutes(2));
    assertThat(limits.tryUseApiRequest()).isTrue();
    assertThat(limits.get(OrgLimits.DAILY_API_REQUESTS).remaining()).isEqualTo(1);
    limits.use("DailyBulkV2QueryJobs", 3);
    assertThat(limits.snapshot().get("DailyBulkV2QueryJobs").used()).isEqualTo(3);
  }

  @Test
  void valuesAreWrittenInSalesforcesWireFormat() {
    assertThat(WireFormat.value(Instant.parse("2024-01-31T10:00:05Z")).asText())
        .isEqualTo("2024-01-31T10:00:05.000+0000");
    assertThat(WireFormat.value(LocalDate.of(2024, 1, 31)).asText()).isEqualTo("2024-01-31");
    assertThat(WireFormat.value(LocalTime.of(9, 30)).asText()).isEqualTo("09:30:00.000Z");
    assertThat(WireFormat.value(12.5).isDouble()).isTrue();
    assertThat(WireFormat.value(null).isNull()).isTrue();
  }

  @Test
  void callOptionsGiveTheClientName() {
    assertThat(CallContext.clientName("client=pgforce")).contains("pgforce");
    assertThat(CallContext.clientName("defaultNamespace=x, client = sync-1 ")).contains("sync-1");
    assertThat(CallContext.clientName("defaultNamespace=x")).isEmpty();
    assertThat(CallContext.clientName(null)).isEmpty();
  }

  @Test
  void bodiesThatAreNotJsonAreParserErrors() {
    assertThatThrownBy(() -> Json.parse("{"))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.code()).isEqualTo("JSON_PARSER_ERROR"));
    assertThatThrownBy(() -> Json.parse(""))
        .hasMessageContaining("No content to map due to end-of-input");
    assertThatThrownBy(() -> Json.parseObject("[]")).hasMessageContaining("SObject");
    assertThat(Json.parse("{\"a\":1.10}").get("a").decimalValue()).isEqualByComparingTo("1.10");
  }
}
