package io.pgforce.engine.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/** Mappings as the engine has registered them, with target state and status. */
public final class MappingStore {

  private final Clock clock;

  public MappingStore(Clock clock) {
    this.clock = clock;
  }

  /** Registers a mapping or updates its configuration, keeping its target state and status. */
  public void register(Connection c, String objectName, String configJson) throws SQLException {
    String sql =
        "INSERT INTO pgforce.mapping (object_name, config, updated_at) VALUES (?, ?::jsonb, ?)"
            + " ON CONFLICT (object_name) DO UPDATE SET config = excluded.config,"
            + " updated_at = excluded.updated_at";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, objectName);
      ps.setString(2, configJson);
      ps.setTimestamp(3, Timestamp.from(clock.instant()));
      ps.executeUpdate();
    }
  }

  /** Every registered mapping's stored configuration (the JSON {@link #register} was given). */
  public java.util.Map<String, String> configs(Connection c) throws SQLException {
    java.util.Map<String, String> configs = new java.util.LinkedHashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT object_name, config::text FROM pgforce.mapping ORDER BY object_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        configs.put(rs.getString(1), rs.getString(2));
      }
    }
    return configs;
  }

  public void setStatus(Connection c, String objectName, MappingStatus status, String detail)
      throws SQLException {
    update(c, "status = ?, status_detail = ?", objectName, status.name(), detail);
  }

  public void setTargetState(Connection c, String objectName, TargetState target)
      throws SQLException {
    update(c, "target_state = ?", objectName, target.name());
  }

  public Optional<TargetState> targetState(Connection c, String objectName) throws SQLException {
    return column(c, "target_state", objectName).map(TargetState::valueOf);
  }

  public Optional<MappingStatus> status(Connection c, String objectName) throws SQLException {
    return column(c, "status", objectName).map(MappingStatus::valueOf);
  }

  private Optional<String> column(Connection c, String column, String objectName)
      throws SQLException {
    String sql = "SELECT " + column + " FROM pgforce.mapping WHERE object_name = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, objectName);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private void update(Connection c, String assignments, String objectName, String... values)
      throws SQLException {
    String sql =
        "UPDATE pgforce.mapping SET " + assignments + ", updated_at = ? WHERE object_name = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (String v : values) {
        ps.setString(i++, v);
      }
      ps.setTimestamp(i++, Timestamp.from(clock.instant()));
      ps.setString(i, objectName);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no mapping registered for " + objectName);
      }
    }
  }
}
