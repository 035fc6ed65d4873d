package io.pgforce.salesforce.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void doublesEachAttemptWithinHalfToAllOfTheCeiling() {
    assertThat(backoff.delay(0, 0.0)).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.delay(0, 0.999)).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
    assertThat(backoff.delay(3, 0.0)).isEqualTo(Duration.ofMillis(400));
    assertThat(backoff.delay(3, 0.5)).isEqualTo(Duration.ofMillis(600));
  }

  @Test
  void neverExceedsTheMaximumEvenAfterManyAttempts() {
    assertThat(backoff.delay(10, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(1_000, 0.999)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(1_000, 0.0)).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void rejectsAMaximumBelowTheInitialDelay() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
