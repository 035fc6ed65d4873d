package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CancelHandleTest {

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void aCancelledHandleEndsTheWaitAtOnce() {
    CancelHandle handle = new CancelHandle();
    handle.cancel();

    long start = System.nanoTime();
    assertThatThrownBy(() -> handle.pause(Duration.ofMinutes(10)))
        .isInstanceOf(CancellationException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThatThrownBy(handle::check).isInstanceOf(CancellationException.class);
  }

  @Test
  void anInterruptCancelsAndStaysVisible() {
    CancelHandle handle = CancelHandle.none();
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> handle.pause(Duration.ofMinutes(10)))
        .isInstanceOf(CancellationException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void anUncancelledHandleWaitsAndPasses() {
    CancelHandle handle = CancelHandle.none();
    handle.pause(Duration.ofMillis(1));
    handle.check();
    assertThat(handle.isCancelled()).isFalse();
  }
}
