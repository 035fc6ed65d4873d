package io.pgforce.app.convergence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs operations as an application written for Heroku Connect would: plain INSERT, UPDATE and
 * DELETE on the synced tables, without the sync's session mark, so the triggers log them. Records
 * each outcome in the ledger; a statement cut off by a lost connection (the database restarting) is
 * uncertain, since its commit may or may not have happened.
 */
final class PostgresSide implements AutoCloseable {

  /** Opens connections as the application; a fault may close the current one at any time. */
  interface Connections {
    Connection open() throws SQLException;
  }

  private final Connections connections;
  private final Ledger ledger;
  private Connection connection;

  PostgresSide(Connections connections, Ledger ledger) {
    this.connections = connections;
    this.ledger = ledger;
  }

  void run(Operation op) {
    Instant start = Instant.now();
    Write.Outcome outcome;
    try {
      outcome = execute(op) ? Write.Outcome.APPLIED : Write.Outcome.NOT_APPLIED;
    } catch (SQLException e) {
      outcome = connectionLost(e) ? Write.Outcome.UNCERTAIN : Write.Outcome.NOT_APPLIED;
      closeQuietly();
    }
    ledger.record(
        new Write(
            op.object(),
            op.key(),
            Write.Side.POSTGRES,
            "SQL",
            op.kind(),
            op.canonicalFields(),
            start,
            Instant.now(),
            outcome));
  }

  /** SQLSTATE class 08 (connection exception) or 57P (operator intervention: shutdown). */
  private static boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57P");
  }

  private boolean execute(Operation op) throws SQLException {
    return switch (op.kind()) {
      case CREATE -> insert(op);
      case UPDATE -> update(op);
      case DELETE -> delete(op);
    };
  }

  private boolean insert(Operation op) throws SQLException {
    List<String> columns = op.fields().keySet().stream().map(String::toLowerCase).toList();
    String sql =
        "INSERT INTO %s (%s) VALUES (%s)"
            .formatted(
                op.object().table(),
                String.join(", ", columns),
                String.join(", ", columns.stream().map(c -> "?").toList()));
    return executeUpdate(sql, new ArrayList<>(op.fields().values())) == 1;
  }

  private boolean update(Operation op) throws SQLException {
    List<String> sets = op.fields().keySet().stream().map(f -> f.toLowerCase() + " = ?").toList();
    String sql =
        "UPDATE %s SET %s WHERE %s = ?"
            .formatted(op.object().table(), String.join(", ", sets), op.object().keyColumn());
    List<Object> params = new ArrayList<>(op.fields().values());
    params.add(op.key());
    return executeUpdate(sql, params) > 0; // 0: not here yet, or deleted already
  }

  private boolean delete(Operation op) throws SQLException {
    String sql =
        "DELETE FROM %s WHERE %s = ?".formatted(op.object().table(), op.object().keyColumn());
    return executeUpdate(sql, List.of(op.key())) > 0;
  }

  private int executeUpdate(String sql, List<Object> params) throws SQLException {
    try (PreparedStatement ps = connection().prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, jdbcValue(params.get(i)));
      }
      return ps.executeUpdate();
    }
  }

  /** Dates travel as ISO text to Salesforce; the date columns want a date. */
  private static Object jdbcValue(Object value) {
    if (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(s);
    }
    return value;
  }

  /** The Salesforce id Postgres holds for a record, once its insert has been pushed. */
  Optional<String> sfidOf(RecordHistory record) {
    String sql =
        "SELECT sfid FROM %s WHERE %s = ? AND sfid IS NOT NULL"
            .formatted(record.object().table(), record.object().keyColumn());
    try (Connection c = connections.open();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, record.key());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      return Optional.empty(); // the database is restarting: the operation waits for another time
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = connections.open();
    }
    return connection;
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException ignored) {
      // the connection is broken already; a new one is opened for the next statement
    }
    connection = null;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
