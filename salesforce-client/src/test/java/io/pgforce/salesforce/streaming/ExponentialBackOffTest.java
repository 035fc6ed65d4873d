package io.pgforce.salesforce.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.error.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExponentialBackOffTest {

  @Test
  void growsUntilResetThenStartsOver() {
    ExponentialBackOff backOff =
        new ExponentialBackOff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));

    long first = backOff.next();
    long second = backOff.next();
    backOff.next();
    backOff.next();
    long capped = backOff.next();
    assertThat(backOff.current()).isEqualTo(capped);
    backOff.reset();

    assertThat(first).isBetween(50L, 100L);
    assertThat(second).isBetween(100L, 200L);
    assertThat(capped).isBetween(500L, 1000L);
    assertThat(backOff.current()).isZero();
    assertThat(backOff.next()).isBetween(50L, 100L);
  }
}
