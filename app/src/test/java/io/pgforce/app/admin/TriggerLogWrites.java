package io.pgforce.app.admin;

import io.pgforce.engine.outbound.WriteErrors;
import io.pgforce.engine.outbound.WriteErrors.WriteError;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Failed writes from a real trigger log in a test database, read and retried by the engine's SQL.
 */
public final class TriggerLogWrites implements FeedBackend.FailedWrites {

  private static final SyncSchema SCHEMA = new SyncSchema("salesforce");
  private final TestDatabase db;

  public TriggerLogWrites(TestDatabase db) {
    this.db = db;
  }

  /** A fresh sync schema with an empty trigger log. */
  public TriggerLogWrites install() throws SQLException {
    try (Connection c = db.connect()) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS salesforce CASCADE");
      SCHEMA.install(c);
    }
    return this;
  }

  /** Logs a write Salesforce refused; returns its trigger-log id. */
  public long failed(String table, String sfid, String message) throws SQLException {
    try (Connection c = db.connect();
        var ps =
            c.prepareStatement(
                "INSERT INTO salesforce._trigger_log (txid, state, action, table_name, record_id,"
                    + " sfid, sf_message) VALUES (txid_current(), 'FAILED', 'UPDATE', ?, 1, ?, ?)"
                    + " RETURNING id")) {
      ps.setString(1, table);
      ps.setString(2, sfid);
      ps.setString(3, message);
      var rs = ps.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }

  public String state(long id) throws SQLException {
    try (Connection c = db.connect();
        var rs =
            c.createStatement()
                .executeQuery("SELECT state FROM salesforce._trigger_log WHERE id = " + id)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public List<WriteError> recent(Optional<String> table, int limit) {
    try (Connection c = db.connect()) {
      return new WriteErrors(SCHEMA).recent(c, table.orElse(null), limit);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean retry(long id) {
    try (Connection c = db.connect()) {
      return new WriteErrors(SCHEMA).retry(c, id);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
