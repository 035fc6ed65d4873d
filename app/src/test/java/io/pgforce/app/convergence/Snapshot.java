package io.pgforce.app.convergence;

import io.pgforce.salesforce.SalesforceClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Both sides as they stand after the run: every live Salesforce record and every Postgres row of
 * the mapped objects, their mapped fields in {@link Values#canonical} form, and the trigger log's
 * FAILED entries, which are how the sync says it could not apply a change.
 */
record Snapshot(
    Map<MappedObject, List<SalesforceRecord>> salesforce,
    Map<MappedObject, List<PostgresRow>> postgres,
    List<FailedEntry> failed,
    long waiting,
    long conflicts) {

  record SalesforceRecord(String id, Map<String, String> values) {
    String key(MappedObject o) {
      return values.get(o.keyField());
    }
  }

  record PostgresRow(long id, String sfid, String lastOp, Map<String, String> values) {
    String key(MappedObject o) {
      return values.get(o.keyField());
    }
  }

  /** A FAILED trigger-log entry: which row, and Salesforce's reason. */
  record FailedEntry(String table, long recordId, String sfid, String message) {}

  static Snapshot read(SalesforceClient org, Connection db) throws SQLException {
    Map<MappedObject, List<SalesforceRecord>> sf = new EnumMap<>(MappedObject.class);
    Map<MappedObject, List<PostgresRow>> pg = new EnumMap<>(MappedObject.class);
    for (MappedObject o : MappedObject.values()) {
      sf.put(o, salesforce(org, o));
      pg.put(o, postgres(db, o));
    }
    return new Snapshot(
        sf,
        pg,
        failed(db),
        count(db, "SELECT count(*) FROM salesforce._trigger_log WHERE state IN ('NEW', 'PENDING')"),
        count(db, "SELECT count(*) FROM pgforce.conflict"));
  }

  private static List<SalesforceRecord> salesforce(SalesforceClient org, MappedObject o) {
    String soql = "SELECT Id, " + String.join(", ", o.mappedApiNames()) + " FROM " + o.apiName();
    return org.query(soql)
        .map(
            r -> {
              Map<String, String> values = new HashMap<>();
              o.mappedApiNames().forEach(f -> values.put(f, Values.canonical(r.get(f))));
              return new SalesforceRecord(r.id().orElseThrow(), values);
            })
        .toList();
  }

  private static List<PostgresRow> postgres(Connection db, MappedObject o) throws SQLException {
    String columns = String.join(", ", o.mappedApiNames()).toLowerCase();
    String sql = "SELECT id, sfid, _hc_lastop, " + columns + " FROM " + o.table();
    List<PostgresRow> rows = new ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        Map<String, String> values = new HashMap<>();
        for (String f : o.mappedApiNames()) {
          values.put(f, Values.canonical(rs.getObject(f.toLowerCase())));
        }
        rows.add(new PostgresRow(rs.getLong(1), rs.getString(2), rs.getString(3), values));
      }
    }
    return rows;
  }

  private static List<FailedEntry> failed(Connection db) throws SQLException {
    String sql =
        "SELECT table_name, record_id, sfid, sf_message FROM salesforce._trigger_log"
            + " WHERE state = 'FAILED'";
    List<FailedEntry> out = new ArrayList<>();
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(new FailedEntry(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
      }
    }
    return out;
  }

  private static long count(Connection db, String sql) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
