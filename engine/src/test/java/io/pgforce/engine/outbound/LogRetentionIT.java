package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithPostgres
class LogRetentionIT {

  private static final SyncSchema SCHEMA = new SyncSchema("salesforce");

  @Test
  void archivesSettledEntriesAfterADayAndPurgesTheArchiveAfterItsRetention(TestDatabase db)
      throws Exception {
    try (Connection c = db.connect()) {
      SCHEMA.install(c);
    }
    db.execute(
        """
        INSERT INTO salesforce._trigger_log (state, action, table_name, record_id, updated_at) VALUES
          ('SUCCESS', 'INSERT', 'account', 1, now() - interval '2 days'),
          ('FAILED',  'UPDATE', 'account', 2, now() - interval '2 days'),
          ('NEW',     'UPDATE', 'account', 3, now() - interval '2 days'),
          ('SUCCESS', 'INSERT', 'account', 4, now());
        INSERT INTO salesforce._trigger_log_archive (id, state, action, table_name, record_id, updated_at)
          VALUES (100000, 'SUCCESS', 'INSERT', 'account', 9, now() - interval '40 days');""");

    try (Connection c = db.connect()) {
      LogRetention.Pass pass =
          new LogRetention(SCHEMA).run(c, Duration.ofDays(1), Duration.ofDays(31));
      assertThat(pass).isEqualTo(new LogRetention.Pass(2, 1));
    }
    assertThat(
            query(
                db,
                "SELECT record_id || ' ' || state FROM salesforce._trigger_log ORDER BY record_id"))
        .as("a waiting change is never archived")
        .containsExactly("3 NEW", "4 SUCCESS");
    assertThat(
            query(
                db,
                "SELECT record_id || ' ' || state FROM salesforce._trigger_log_archive ORDER BY record_id"))
        .containsExactly("1 SUCCESS", "2 FAILED");
  }

  private static List<String> query(TestDatabase db, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
