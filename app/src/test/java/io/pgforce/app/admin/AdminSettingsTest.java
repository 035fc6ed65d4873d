package io.pgforce.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminSettingsTest {

  @Test
  void aNonLocalAddressWithoutATokenIsRefused() {
    assertThatThrownBy(() -> new AdminSettings("0.0.0.0", 8080, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set admin.token");
  }

  @Test
  void localhostNeedsNoToken() {
    assertThat(new AdminSettings("localhost", 8080, Optional.empty()).token()).isEmpty();
    assertThat(new AdminSettings("::1", 8080, Optional.empty()).token()).isEmpty();
  }

  @Test
  void theTokenNeverShowsWhenPrinted() {
    assertThat(new AdminSettings("0.0.0.0", 8080, Optional.of("hunter2")).toString())
        .doesNotContain("hunter2")
        .contains("***");
  }
}
