package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

@WithPostgres
class LogNotificationsIT {

  @Test
  void wakesOnNotifyAndTimesOutWithoutOne(TestDatabase db) throws Exception {
    try (LogNotifications wake = new LogNotifications(opener(db), "salesforce.hc_trigger_log")) {
      assertThat(wake.awaitWake(Duration.ofSeconds(10)))
          .as("the first LISTEN wakes the writer")
          .isTrue();
      assertThat(wake.awaitWake(Duration.ofMillis(200))).isFalse();

      db.execute("SELECT pg_notify('salesforce.hc_trigger_log', 'ping')");

      assertThat(wake.awaitWake(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void listensAgainAfterItsConnectionIsKilled(TestDatabase db) throws Exception {
    try (LogNotifications wake = new LogNotifications(opener(db), "chan")) {
      assertThat(wake.awaitWake(Duration.ofSeconds(10))).isTrue();
      db.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()");
      assertThat(wake.awaitWake(Duration.ofSeconds(10)))
          .as("a reconnect wakes the writer")
          .isTrue();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                db.execute("SELECT pg_notify('chan', 'ping')");
                return wake.awaitWake(Duration.ofMillis(200));
              });
    }
  }

  private static Supplier<Connection> opener(TestDatabase db) {
    return () -> {
      try {
        return db.connect();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
