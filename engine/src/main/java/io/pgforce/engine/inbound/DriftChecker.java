package io.pgforce.engine.inbound;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a mapping's record count in Salesforce with its row count in Postgres, and on a mismatch
 * repairs by ids: records missing from the table are read again, rows whose record Salesforce no
 * longer has are removed. Catches what polling cannot see, such as records purged from the recycle
 * bin.
 */
public final class DriftChecker {

  private static final Logger LOG = LoggerFactory.getLogger(DriftChecker.class);
  private static final int REREAD_CHUNK = 200;

  private final SalesforceClient salesforce;
  private final Database db;
  private final SyncSchema schema;
  private final Clock clock;

  public DriftChecker(SalesforceClient salesforce, Database db, SyncSchema schema, Clock clock) {
    this.salesforce = salesforce;
    this.db = db;
    this.schema = schema;
    this.clock = clock;
  }

  /** The counts on both sides, saved as the mapping's latest drift finding. */
  public record Counts(long salesforce, long postgres, Instant checkedAt) {
    public boolean drifted() {
      return salesforce != postgres;
    }
  }

  public Counts check(TableDefinition def) throws SQLException {
    String object = def.mapping().objectName();
    long sf = salesforce.count("SELECT COUNT() FROM " + object);
    long pg =
        db.inTransaction(
            c ->
                singleLong(
                    c,
                    "SELECT count(*) FROM "
                        + schema.table(def.table())
                        + " WHERE sfid IS NOT NULL"));
    Counts counts = new Counts(sf, pg, clock.instant());
    db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  """
          INSERT INTO pgforce.drift_check (object_name, salesforce_count, postgres_count, checked_at)
          VALUES (?, ?, ?, ?) ON CONFLICT (object_name) DO UPDATE SET salesforce_count = excluded.salesforce_count,
            postgres_count = excluded.postgres_count, checked_at = excluded.checked_at""")) {
            ps.setString(1, object);
            ps.setLong(2, sf);
            ps.setLong(3, pg);
            ps.setTimestamp(4, Timestamp.from(counts.checkedAt()));
            return ps.executeUpdate();
          }
        });
    return counts;
  }

  /**
   * Brings the table's set of records in line with Salesforce's.
   *
   * @return how many records were read again or removed
   */
  public long repair(TableDefinition def) throws SQLException {
    String object = def.mapping().objectName();
    // Local first: a record created in between is then only "missing" (read again), never "extra".
    Set<String> local = db.inTransaction(c -> sfids(c, def));
    Set<String> remote =
        salesforce
            .query("SELECT Id FROM " + object)
            .map(r -> r.id().orElseThrow())
            .collect(Collectors.toSet());
    List<String> missing = remote.stream().filter(id -> !local.contains(id)).toList();
    List<InboundRow> fixes = new ArrayList<>();
    local.stream()
        .filter(id -> !remote.contains(id))
        .forEach(id -> fixes.add(new InboundRow(id, true, clock.instant(), List.of())));
    for (int i = 0; i < missing.size(); i += REREAD_CHUNK) {
      fixes.addAll(reread(def, missing.subList(i, Math.min(missing.size(), i + REREAD_CHUNK))));
    }
    RowApplier applier = new RowApplier(schema);
    db.inTransaction(
        c -> {
          applier.apply(c, def, fixes);
          return null;
        });
    LOG.info(
        "event=\"{} DRIFT REPAIR {} rows\" object_type=drift missing={} removed={}",
        object,
        fixes.size(),
        missing.size(),
        fixes.size() - missing.size());
    return fixes.size();
  }

  private List<InboundRow> reread(TableDefinition def, List<String> ids) {
    return salesforce
        .query(RecordRows.soqlForIds(def, ids))
        .map(r -> RecordRows.toRow(def, r))
        .toList();
  }

  private Set<String> sfids(java.sql.Connection c, TableDefinition def) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT sfid FROM " + schema.table(def.table()) + " WHERE sfid IS NOT NULL")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static long singleLong(java.sql.Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
