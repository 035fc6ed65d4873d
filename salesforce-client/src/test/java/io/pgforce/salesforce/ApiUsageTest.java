package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiUsageTest {

  private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void readsApiUsageFromTheLimitInfoHeader() {
    ApiUsage usage = ApiUsage.parse("api-usage=10018/100000", NOW).orElseThrow();

    assertThat(usage.used()).isEqualTo(10018);
    assertThat(usage.max()).isEqualTo(100000);
    assertThat(usage.remaining()).isEqualTo(89982);
    assertThat(usage.fractionUsed()).isCloseTo(0.10018, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(usage.observedAt()).isEqualTo(NOW);
  }

  @Test
  void findsApiUsageAmongOtherEntries() {
    String header = "per-app-api-usage=17/250(appName=sample), api-usage=25/15000";
    assertThat(ApiUsage.parse(header, NOW))
        .hasValueSatisfying(u -> assertThat(u.used()).isEqualTo(25));
  }

  @Test
  void isEmptyWithoutTheHeaderOrTheEntry() {
    assertThat(ApiUsage.parse(null, NOW)).isEmpty();
    assertThat(ApiUsage.parse("per-app-api-usage=17/250(appName=sample)", NOW)).isEmpty();
  }
}
