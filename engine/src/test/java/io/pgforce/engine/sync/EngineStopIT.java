package io.pgforce.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.engine.mapping.Access;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A stopped engine leaves nothing running. A writer that outlived its engine once pushed a row the
 * next engine was meant to push, so a record was created twice.
 */
@WithPostgres
class EngineStopIT {

  @Test
  void anEngineStoppedWhileItsWriterStartsLeavesNoWriterRunning(TestDatabase db) throws Exception {
    try (SyncHarness h = SyncHarness.create(db, Clock.systemUTC())) {
      for (int i = 0; i < 6; i++) {
        h.start(
            SyncHarness.settings(10_000),
            SyncHarness.mapping("Account", Access.READ_WRITE, false, "Name"));
        // the writer starts listening just before it is made: stop it in between, if we can
        await()
            .atMost(SyncHarness.DEADLINE)
            .pollInterval(Duration.ofMillis(1))
            .until(() -> listening());
        h.stopEngine();
        assertThat(running("pgforce-writer")).as("writer threads after stop %d", i).isZero();
      }
    }
  }

  private static boolean listening() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("pgforce-listen-") && t.isAlive());
  }

  private static long running(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name) && t.isAlive())
        .count();
  }
}
