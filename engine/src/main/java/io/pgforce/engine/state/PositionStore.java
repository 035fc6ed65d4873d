package io.pgforce.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one place positions are read and written. Writers take the caller's connection so a position
 * commits in the same transaction as the rows it covers: a crash leaves both or neither.
 */
public final class PositionStore {

  private final Clock clock;

  public PositionStore(Clock clock) {
    this.clock = clock;
  }

  public Optional<ModstampCursor> cursor(Connection c, String objectName) throws SQLException {
    String sql = "SELECT systemmodstamp, last_id FROM pgforce.inbound_cursor WHERE object_name = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, objectName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new ModstampCursor(rs.getTimestamp(1).toInstant(), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** Saves a cursor; never moves it backwards, so a late, older batch cannot rewind polling. */
  public void saveCursor(Connection c, String objectName, ModstampCursor cursor)
      throws SQLException {
    String sql =
        "INSERT INTO pgforce.inbound_cursor AS c (object_name, systemmodstamp, last_id, updated_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (object_name) DO UPDATE"
            + " SET systemmodstamp = excluded.systemmodstamp, last_id = excluded.last_id,"
            + " updated_at = excluded.updated_at"
            + " WHERE (c.systemmodstamp, c.last_id) <= (excluded.systemmodstamp, excluded.last_id)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, objectName);
      ps.setTimestamp(2, Timestamp.from(cursor.systemModstamp()));
      ps.setString(3, cursor.lastId());
      ps.setTimestamp(4, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  /** Forgets a mapping's cursor, for a reload. */
  public void clearCursor(Connection c, String objectName) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM pgforce.inbound_cursor WHERE object_name = ?")) {
      ps.setString(1, objectName);
      ps.executeUpdate();
    }
  }

  public OptionalLong replayId(Connection c, String channel) throws SQLException {
    String sql = "SELECT replay_id FROM pgforce.replay_position WHERE channel = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, channel);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  public void saveReplayId(Connection c, String channel, long replayId) throws SQLException {
    String sql =
        "INSERT INTO pgforce.replay_position (channel, replay_id, updated_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (channel) DO UPDATE SET replay_id = excluded.replay_id,"
            + " updated_at = excluded.updated_at";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, channel);
      ps.setLong(2, replayId);
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }
}
