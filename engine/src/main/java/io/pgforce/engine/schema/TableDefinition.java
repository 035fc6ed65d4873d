package io.pgforce.engine.schema;

import io.pgforce.engine.Problems;
import io.pgforce.engine.mapping.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping resolved against its object's describe: the table's synced columns in order and its
 * indexes. Resolving checks every field against the describe, so a name that is not the object's
 * never reaches SOQL or SQL.
 */
public final class TableDefinition {

  private final Mapping mapping;
  private final List<Column> columns;
  private final List<IndexDefinition> indexes;

  private TableDefinition(Mapping mapping, List<Column> columns, List<IndexDefinition> indexes) {
    this.mapping = mapping;
    this.columns = List.copyOf(columns);
    this.indexes = List.copyOf(indexes);
  }

  /**
   * Resolves a mapping, noting each unknown field in {@code problems}.
   *
   * @return the definition, or empty when anything was wrong
   */
  public static Optional<TableDefinition> resolve(
      Mapping mapping, ObjectSchema schema, Problems problems) {
    int before = problems.size();
    Map<String, Column> columns = new LinkedHashMap<>();
    String where = "mapping " + mapping.objectName();
    for (String apiName : mapping.fields()) {
      int relationship = apiName.toLowerCase(java.util.Locale.ROOT).indexOf("__r__");
      if (relationship > 0) {
        relationshipColumn(schema, apiName, relationship, where, problems)
            .ifPresent(c -> columns.putIfAbsent(c.name(), c));
        continue;
      }
      Optional<SfField> field = schema.field(apiName);
      if (field.isEmpty()) {
        problems.add(where, unknownField(apiName, schema));
      } else if (field.get().isCompound()) {
        schema
            .componentsOf(field.get().name())
            .forEach(c -> columns.putIfAbsent(c.columnName(), Column.of(c)));
      } else {
        columns.putIfAbsent(field.get().columnName(), Column.of(field.get()));
      }
    }
    List<IndexDefinition> indexes = indexes(mapping, columns, problems);
    return problems.size() == before
        ? Optional.of(new TableDefinition(mapping, new ArrayList<>(columns.values()), indexes))
        : Optional.empty();
  }

  public Mapping mapping() {
    return mapping;
  }

  public String table() {
    return mapping.tableName();
  }

  /**
   * Synced columns, in the mapping's order; excludes {@code id}, {@code _hc_lastop}, {@code
   * _hc_err}.
   */
  public List<Column> columns() {
    return columns;
  }

  public List<IndexDefinition> indexes() {
    return indexes;
  }

  public Optional<Column> column(String apiName) {
    return columns.stream().filter(c -> c.apiName().equalsIgnoreCase(apiName)).findFirst();
  }

  /** The SOQL field list that yields the columns in order. */
  public String soqlFieldList() {
    return String.join(", ", columns.stream().map(Column::apiName).toList());
  }

  private static List<IndexDefinition> indexes(
      Mapping mapping, Map<String, Column> columns, Problems problems) {
    Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
    String table = mapping.tableName();
    indexes.put("sfid", new IndexDefinition(table, "sfid", true));
    indexes.put("systemmodstamp", new IndexDefinition(table, "systemmodstamp", false));
    mapping
        .upsertField()
        .ifPresent(f -> indexes.put(columnOf(f), new IndexDefinition(table, columnOf(f), true)));
    mapping
        .indexes()
        .forEach(
            (field, unique) -> {
              String column = columnOf(field);
              if (!columns.containsKey(column)) {
                problems.add(
                    "mapping " + mapping.objectName(),
                    "index on " + field + ", which is not among the mapping's fields");
              } else {
                indexes.putIfAbsent(column, new IndexDefinition(table, column, unique));
              }
            });
    return new ArrayList<>(indexes.values());
  }

  private static String columnOf(String apiName) {
    return SfField.of(apiName, "string", 0).columnName();
  }

  /**
   * Heroku Connect's relationship column: {@code Account__r__External_ID__c} names the parent
   * reached by the Account relationship through its External_ID__c, so a child can be written
   * before its parent's Salesforce id is known.
   */
  private static Optional<Column> relationshipColumn(
      ObjectSchema schema, String apiName, int at, String where, Problems problems) {
    String relationship = apiName.substring(0, at);
    String externalId = apiName.substring(at + "__r__".length());
    Optional<SfField> reference = schema.reference(relationship);
    if (reference.isEmpty()) {
      problems.add(
          where,
          "'"
              + apiName
              + "' names the relationship '"
              + relationship
              + "', which entity '"
              + schema.name()
              + "' does not have; relationship columns are <Relationship>__r__<ParentExternalIdField>");
      return Optional.empty();
    }
    return Optional.of(Column.of(SfField.relationshipExternalId(reference.get(), externalId)));
  }

  private static String unknownField(String field, ObjectSchema schema) {
    List<String> known = schema.fields().stream().map(SfField::name).toList();
    return "No such column '"
        + field
        + "' on entity '"
        + schema.name()
        + "'"
        + ClosestName.hint(field, known)
        + "; check the spelling against the object's describe, append '__c' to a custom field's"
        + " name, and check the integration user's field-level security";
  }
}
