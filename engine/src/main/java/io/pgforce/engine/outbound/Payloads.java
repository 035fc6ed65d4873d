package io.pgforce.engine.outbound;

import io.pgforce.engine.outbound.PendingWrite.Kind;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.TableDefinition;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a row's current values into the fields of a Salesforce write. An insert sends every
 * createable column that has a value (an explicit null would override a field's default); an update
 * sends the changed updateable columns, nulls included, since clearing a field is a change. Columns
 * Salesforce manages (Id, SystemModstamp, IsDeleted, formulas) are never sent.
 */
public final class Payloads {

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> NEVER_SENT = Set.of("sfid", "systemmodstamp", "isdeleted");

  private Payloads() {}

  /** The fields to send for a write, keyed by API name, from the row's current column values. */
  public static Map<String, Object> fields(
      TableDefinition def, PendingWrite w, Map<String, Object> row) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Column col : def.columns()) {
      if (isSent(col, w, row)) {
        put(fields, col, toSalesforce(row.get(col.name())));
      }
    }
    return fields;
  }

  /** A relationship column goes as a nested reference: {@code "Account": {"External_ID__c": v}}. */
  private static void put(Map<String, Object> fields, Column col, Object value) {
    if (!col.field().isRelationshipExternalId()) {
      fields.put(col.apiName(), value);
    } else if (value != null) {
      String[] path = col.apiName().split("\\.", 2);
      fields.put(path[0], Map.of(path[1], value));
    }
  }

  private static boolean isSent(Column col, PendingWrite w, Map<String, Object> row) {
    if (NEVER_SENT.contains(col.name()) || col.field().calculated()) {
      return false;
    }
    if (w.kind() == Kind.INSERT) {
      return col.field().createable() && row.get(col.name()) != null;
    }
    return col.field().updateable() && w.columns().contains(col.name());
  }

  /** A JDBC value as Salesforce's JSON takes it: datetimes in UTC with milliseconds, dates bare. */
  static Object toSalesforce(Object value) {
    if (value instanceof Timestamp ts) {
      // timestamp columns hold UTC wall-clock time (Heroku Connect's convention)
      return DATETIME.format(ts.toLocalDateTime().toInstant(ZoneOffset.UTC));
    }
    if (value instanceof Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof Time t) {
      return t.toLocalTime().toString() + "Z";
    }
    return value;
  }
}
