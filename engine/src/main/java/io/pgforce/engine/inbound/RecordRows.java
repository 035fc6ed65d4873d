package io.pgforce.engine.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.engine.schema.Column;
import io.pgforce.engine.schema.Soql;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.rest.SObjectRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns REST records into rows for their table: each column's value as text PostgreSQL parses. */
public final class RecordRows {

  /** REST datetimes: {@code 2013-05-07T22:07:19.000+0000}. */
  private static final DateTimeFormatter REST_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private RecordRows() {}

  public static InboundRow toRow(TableDefinition def, SObjectRecord record) {
    List<String> values = new ArrayList<>(def.columns().size());
    for (Column col : def.columns()) {
      values.add(text(record.get(col.apiName())));
    }
    String sfid =
        record
            .id()
            .orElseThrow(() -> new IllegalArgumentException("a record without an Id: " + record));
    boolean deleted = record.get("IsDeleted") != null && record.get("IsDeleted").asBoolean(false);
    return new InboundRow(sfid, deleted, modstamp(record), values);
  }

  /** The SOQL that reads the mapped fields of the given records; ids quoted as SOQL literals. */
  static String soqlForIds(TableDefinition def, List<String> ids) {
    String in = ids.stream().map(Soql::literal).collect(Collectors.joining(", "));
    return "SELECT "
        + def.soqlFieldList()
        + " FROM "
        + def.mapping().objectName()
        + " WHERE Id IN ("
        + in
        + ")";
  }

  public static Instant parseDatetime(String text) {
    return text.endsWith("Z")
        ? Instant.parse(text)
        : OffsetDateTime.parse(text, REST_DATETIME).toInstant();
  }

  private static Instant modstamp(SObjectRecord record) {
    JsonNode v = record.get("SystemModstamp");
    return v == null || v.isNull() ? Instant.EPOCH : parseDatetime(v.asText());
  }

  /** A JSON value as the text of a column; null stays null. Nested objects are not columns. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) {
      return null;
    }
    return v.asText();
  }
}
