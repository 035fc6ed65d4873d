package io.pgforce.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitsTest {

  @Test
  void doublesUpToTheLimitAndStaysThere() {
    Duration max = Duration.ofSeconds(10);

    assertThat(Waits.doubled(Duration.ofMillis(500), max)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Waits.doubled(Duration.ofSeconds(5), max)).isEqualTo(max);
    assertThat(Waits.doubled(Duration.ofSeconds(6), max)).isEqualTo(max);
    assertThat(Waits.doubled(max, max)).isEqualTo(max);
  }
}
