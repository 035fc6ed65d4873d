package io.pgforce.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ThreadsTest {

  @Test
  void workerThreadsAreNamedDaemons() {
    Thread t = Threads.daemon("pgforce-test").newThread(() -> {});
    assertThat(t.getName()).isEqualTo("pgforce-test");
    assertThat(t.isDaemon()).isTrue();
  }

  @Test
  void awaitGivesTheResultAndTheTasksOwnFailureUnwrapped() {
    assertThat(Threads.await(CompletableFuture.completedFuture(7))).isEqualTo(7);
    IllegalArgumentException failure = new IllegalArgumentException("bad record");
    assertThatThrownBy(() -> Threads.await(CompletableFuture.failedFuture(failure)))
        .isSameAs(failure);
  }
}
