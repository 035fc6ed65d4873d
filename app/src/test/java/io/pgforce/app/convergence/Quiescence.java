package io.pgforce.app.convergence;

import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.http.SalesforceDates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the sync has caught up with both sides: nothing waits in the trigger log, and each
 * mapping's polling cursor has reached the newest SystemModstamp in the org, so the last change
 * Salesforce holds (the sync's own pushes included) has been read back.
 */
final class Quiescence {

  private final SalesforceClient org;
  private final RestartablePostgres db;

  Quiescence(SalesforceClient org, RestartablePostgres db) {
    this.org = org;
    this.db = db;
  }

  /** Read in this order, so a change that lands between the reads cannot be missed. */
  boolean reached() throws SQLException {
    for (MappedObject o : MappedObject.values()) {
      Optional<Instant> newest = newestModstamp(o);
      if (newest.isPresent() && cursor(o).map(c -> c.isBefore(newest.get())).orElse(true)) {
        return false;
      }
    }
    return waiting() == 0;
  }

  private Optional<Instant> newestModstamp(MappedObject o) {
    String soql =
        "SELECT Id, SystemModstamp FROM " + o.apiName() + " ORDER BY SystemModstamp DESC LIMIT 1";
    return org.queryAll(soql)
        .findFirst()
        .map(r -> SalesforceDates.parseDateTime(r.text("SystemModstamp").orElseThrow()));
  }

  private Optional<Instant> cursor(MappedObject o) throws SQLException {
    String sql = "SELECT systemmodstamp FROM pgforce.inbound_cursor WHERE object_name = ?";
    try (Connection c = db.connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, o.apiName());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
      }
    }
  }

  long waiting() throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM salesforce._trigger_log WHERE state IN ('NEW', 'PENDING')")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
