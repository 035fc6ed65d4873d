package io.pgforce.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmulatorConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    EmulatorConfig config = EmulatorConfig.builder().build();
    assertThat(config.port()).isEqualTo(7443);
    assertThat(config.username()).isEqualTo("admin@pgforce.local");
    assertThat(config.password()).isEqualTo("pgforce123");
    assertThat(config.clientId()).isEqualTo("pgforce-client-id");
    assertThat(config.clientSecret()).isEqualTo("pgforce-client-secret");
    assertThat(config.apiVersion()).isEqualTo("60.0");
    assertThat(config.tokenLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(config.toString()).doesNotContain("pgforce123").doesNotContain("secret");
  }

  @Test
  void everyInvalidSettingIsReportedTogether() {
    assertThatThrownBy(
            () ->
                EmulatorConfig.builder()
                    .port(-1)
                    .password(" ")
                    .apiVersion("19.0")
                    .tokenLifetime(Duration.ZERO)
                    .seedRecords(-5)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port")
        .hasMessageContaining("password")
        .hasMessageContaining("apiVersion")
        .hasMessageContaining("tokenLifetime")
        .hasMessageContaining("seedRecords");
  }

  @Test
  void aBuiltConfigIsNotChangedByItsBuilder() {
    EmulatorConfig.Builder builder = EmulatorConfig.builder().port(1000);
    EmulatorConfig config = builder.build();
    builder.port(2000);
    assertThat(config.port()).isEqualTo(1000);
    assertThat(config.toBuilder().port(3000).build().port()).isEqualTo(3000);
    assertThat(config.port()).isEqualTo(1000);
  }
}
