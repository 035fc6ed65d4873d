package io.pgforce.engine.outbound;

import io.pgforce.engine.db.Database;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.Soql;
import io.pgforce.engine.schema.SyncSchema;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.rest.SObjectRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the records that inserts of a killed writer may already have created. A process that dies
 * between Salesforce's answer to an insert and the recording of its sfid leaves the insert's
 * entries PENDING with no sfid anywhere; with no external id to upsert on, pushing it again would
 * create the record a second time. So before those entries go back to NEW, the records this user
 * created since they were logged are read, and a record whose values are the row's, field for
 * field, is taken as the insert's result.
 *
 * <p>A row deleted since is compared as it was when deleted; once its record is found, the delete
 * gets the record's id and is pushed like any other, where it would otherwise fold into the insert
 * as nothing at all and leave the record in Salesforce.
 *
 * <p>A column changed again after the claim (a NEW entry of the row) is left out of the comparison:
 * the insert may have sent either value, and that later change is pushed after the match anyway.
 * Two rows with identical values match two records, one each; a row with nothing left to compare
 * matches nothing and is pushed again, as before.
 */
final class UncertainInserts {

  /** How far Salesforce's clock may be behind ours; CreatedDate is set by Salesforce. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final SalesforceClient salesforce;
  private final Database db;
  private final SyncSchema schema;
  private final CurrentRows rows;

  UncertainInserts(SalesforceClient salesforce, Database db, SyncSchema schema) {
    this.salesforce = salesforce;
    this.db = db;
    this.schema = schema;
    this.rows = new CurrentRows(db, schema);
  }

  /** The outcomes of the inserts among one table's {@code abandoned} writes that were made. */
  List<WriteOutcome> find(TableDefinition def, List<PendingWrite> abandoned) throws SQLException {
    List<PendingWrite> inserts =
        abandoned.stream().filter(w -> w.kind() == Kind.INSERT && w.sfid() == null).toList();
    if (inserts.isEmpty() || def.mapping().upsertField().isPresent()) {
      return List.of(); // an upsert on the external id finds the record by itself
    }
    List<Long> ids = inserts.stream().map(PendingWrite::recordId).toList();
    Map<Long, Map<String, Object>> current = new HashMap<>(rows.deleted(def, ids));
    current.putAll(rows.read(def, ids));
    Map<Long, Set<String>> changed = db.inTransaction(c -> changedSinceClaim(c, def, ids));
    List<SObjectRecord> created = createdSince(def, earliest(inserts));
    Set<String> held = db.inTransaction(c -> settled(c, def, created));
    created.removeIf(r -> held.contains(r.id().orElse("")));
    List<WriteOutcome> found = new ArrayList<>();
    for (PendingWrite w : inserts) {
      Map<String, Object> row = current.get(w.recordId());
      if (row == null) {
        continue; // deleted since, with nothing left to push: its delete was settled
      }
      matching(def, w, row, changed.getOrDefault(w.recordId(), Set.of()), created)
          .ifPresent(
              r -> {
                created.remove(r);
                found.add(WriteOutcome.success(w, r.id().orElseThrow()));
              });
    }
    return found;
  }

  /** Columns of each row that NEW entries (logged after the claim) changed. */
  private Map<Long, Set<String>> changedSinceClaim(
      Connection c, TableDefinition def, List<Long> ids) throws SQLException {
    String sql =
        "SELECT record_id, \"values\" FROM "
            + schema.table("_trigger_log")
            + " WHERE state = 'NEW' AND table_name = ? AND record_id = ANY (?)";
    Map<Long, Set<String>> changed = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, def.table());
      ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          changed
              .computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
              .addAll(HstoreText.parse(rs.getString(2)).keySet());
        }
      }
    }
    return changed;
  }

  /**
   * Which of the records belong to rows whose own insert pgforce pushed (an INSERT entry, in the
   * log or its archive): those are some other row's record. A row without one came from Salesforce,
   * maybe as the inbound copy of the very insert being looked for, which recording the match
   * adopts; that holds even after the application edited the copy (it finds rows by its own key,
   * not by id), which once left such records out and pushed the insert a second time.
   */
  private Set<String> settled(Connection c, TableDefinition def, List<SObjectRecord> records)
      throws SQLException {
    String inserted =
        "SELECT 1 FROM %s l WHERE l.table_name = ? AND l.record_id = t.id AND l.action = 'INSERT'";
    String sql =
        ("SELECT t.sfid FROM %s t WHERE t.sfid = ANY (?) AND (EXISTS (%s) OR EXISTS (%s))")
            .formatted(
                schema.table(def.table()),
                inserted.formatted(schema.table("_trigger_log")),
                inserted.formatted(schema.table("_trigger_log_archive")));
    Set<String> held = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Object[] sfids = records.stream().map(r -> r.id().orElse("")).toArray();
      ps.setArray(1, c.createArrayOf("text", sfids));
      ps.setString(2, def.table());
      ps.setString(3, def.table());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          held.add(rs.getString(1));
        }
      }
    }
    return held;
  }

  private static Instant earliest(List<PendingWrite> writes) {
    return writes.stream()
        .map(PendingWrite::firstChangeAt)
        .min(Comparator.naturalOrder())
        .orElseThrow();
  }

  private List<SObjectRecord> createdSince(TableDefinition def, Instant loggedAt) {
    String since = loggedAt.minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS).toString();
    String soql =
        "SELECT "
            + def.soqlFieldList()
            + " FROM "
            + def.mapping().objectName()
            + " WHERE CreatedById = "
            + Soql.literal(salesforce.userId())
            + " AND CreatedDate >= "
            + since
            + " ORDER BY CreatedDate, Id";
    try (var records = salesforce.query(soql)) {
      return new ArrayList<>(records.toList());
    }
  }

  private static Optional<SObjectRecord> matching(
      TableDefinition def,
      PendingWrite w,
      Map<String, Object> row,
      Set<String> changed,
      List<SObjectRecord> created) {
    Map<Column, Object> sent = comparable(def, w, row, changed);
    if (sent.isEmpty()) {
      return Optional.empty();
    }
    return created.stream().filter(r -> holds(r, sent)).findFirst();
  }

  /** The values the insert sent, by column, less the columns changed since. */
  private static Map<Column, Object> comparable(
      TableDefinition def, PendingWrite w, Map<String, Object> row, Set<String> changed) {
    Set<String> sentFields = Payloads.fields(def, w, row).keySet();
    Map<Column, Object> sent = new LinkedHashMap<>();
    for (Column col : def.columns()) {
      String field = col.apiName().split("\\.", 2)[0]; // a relationship is sent under its root
      if (sentFields.contains(field) && !changed.contains(col.name())) {
        sent.put(col, Payloads.toSalesforce(row.get(col.name())));
      }
    }
    return sent;
  }

  private static boolean holds(SObjectRecord record, Map<Column, Object> sent) {
    return sent.entrySet().stream()
        .allMatch(e -> SentValues.same(e.getKey(), e.getValue(), record.get(e.getKey().apiName())));
  }
}
