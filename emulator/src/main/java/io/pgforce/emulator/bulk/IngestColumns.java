package io.pgforce.emulator.bulk;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ingest CSV's header resolved against the object: {@code Id}, field names, and parents named by
 * external id ({@code Account.Ext_Id__c}). A name that is none of these fails the job, as
 * Salesforce's {@code InvalidBatch : Field name not found}. Turns each row into the raw values DML
 * takes: an empty cell leaves the field alone, {@code #N/A} sets it to null.
 */
final class IngestColumns {

  /** The cell that sets a field to null (an empty cell leaves it unchanged). */
  static final String NULL_CELL = "#N/A";

  /**
   * One column.
   *
   * @param key the DML key: the field's API name, or the relationship name for a parent reference
   * @param parentKey the parent's key field of a reference column, else null
   * @param lookup the lookup field of a reference column (set to null by #N/A), else null
   */
  private record Column(String key, String parentKey, String lookup) {
    boolean isId() {
      return key.equals(SystemFields.ID);
    }
  }

  /**
   * A row as DML takes it.
   *
   * @param id the row's Id cell, or null when it has none
   * @param fields the values to write, by field or relationship name
   */
  record Row(String id, Map<String, Object> fields) {}

  private final List<Column> columns;

  private IngestColumns(List<Column> columns) {
    this.columns = columns;
  }

  static IngestColumns resolve(List<String> header, SObjectDefinition type, OrgSchema schema) {
    List<Column> columns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : header) {
      String trimmed = name.trim();
      if (!seen.add(trimmed.toLowerCase(Locale.ROOT))) {
        throw new IngestFailure("InvalidBatch : Duplicate field name : " + trimmed);
      }
      columns.add(
          column(trimmed, type, schema)
              .orElseThrow(
                  () -> new IngestFailure("InvalidBatch : Field name not found : " + trimmed)));
    }
    return new IngestColumns(columns);
  }

  private static Optional<Column> column(String name, SObjectDefinition type, OrgSchema schema) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      return type.field(name).map(f -> new Column(f.name(), null, null));
    }
    Optional<FieldDefinition> lookup = type.relationship(name.substring(0, dot));
    String parentKey = name.substring(dot + 1);
    return lookup.flatMap(
        l ->
            schema
                .require(l.referenceTo().orElseThrow())
                .field(parentKey)
                .map(key -> new Column(l.relationshipName().orElseThrow(), key.name(), l.name())));
  }

  /** Whether the header has an Id column. */
  boolean hasId() {
    return columns.stream().anyMatch(Column::isId);
  }

  /**
   * The row's values; {@code idSeparately} takes the Id out of the fields (update, delete), where
   * otherwise it stays in, for DML to refuse on insert as Salesforce does.
   */
  Row row(String[] cells, boolean idSeparately) {
    String id = null;
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String cell = cells[i];
      Column column = columns.get(i);
      if (cell.isEmpty()) {
        continue;
      }
      if (column.isId()) {
        id = cell;
        if (idSeparately) {
          continue;
        }
      }
      put(fields, column, cell);
    }
    return new Row(id, fields);
  }

  private static void put(Map<String, Object> fields, Column column, String cell) {
    boolean nulled = cell.equals(NULL_CELL);
    if (column.parentKey() == null) {
      fields.put(column.key(), nulled ? null : cell);
    } else if (nulled) {
      fields.put(column.lookup(), null);
    } else {
      fields.put(column.key(), Map.of(column.parentKey(), cell));
    }
  }
}
