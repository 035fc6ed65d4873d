package io.pgforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.copy.CopyManager;

/** Proves the harness gives a real PostgreSQL with the features pgforce relies on. */
@WithPostgres
class PostgresHarnessIT {

  @Test
  void copyListenNotifyAndTriggersWork(TestDatabase db) throws Exception {
    try (Connection writer = db.connect();
        Connection listener = db.connect()) {
      try (Statement st = writer.createStatement()) {
        st.execute(
            "CREATE TABLE account (id serial PRIMARY KEY, sfid varchar(18) UNIQUE, name text)");
        st.execute(
            """
            CREATE FUNCTION notify_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('account_changed', NEW.sfid); RETURN NEW; END $$;
            CREATE TRIGGER account_notify AFTER INSERT ON account
              FOR EACH ROW EXECUTE FUNCTION notify_insert();
            """);
      }
      try (Statement st = listener.createStatement()) {
        st.execute("LISTEN account_changed");
      }

      CopyManager copy = writer.unwrap(PGConnection.class).getCopyAPI();
      long copied =
          copy.copyIn(
              "COPY account (sfid, name) FROM STDIN (FORMAT csv)",
              new StringReader("001000000000001AAA,Acme\n001000000000002AAA,\"Globex, Inc\"\n"));

      assertThat(copied).isEqualTo(2);
      assertThat(names(writer)).containsExactly("Acme", "Globex, Inc");
      List<String> payloads = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> receive(listener, payloads).size() == 2);
      assertThat(payloads).containsExactly("001000000000001AAA", "001000000000002AAA");
    }
  }

  @Test
  void eachTestClassGetsItsOwnDatabase(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(db.name()).startsWith("postgresharnessit_");
    }
  }

  private static List<String> names(Connection c) throws Exception {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM account ORDER BY id")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private static List<String> receive(Connection listener, List<String> into) throws Exception {
    PGNotification[] batch = listener.unwrap(PGConnection.class).getNotifications(100);
    if (batch != null) {
      for (PGNotification n : batch) {
        into.add(n.getParameter());
      }
    }
    return into;
  }
}
