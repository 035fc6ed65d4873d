package io.pgforce.emulator.soql;

import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.store.StoredRecord;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * A query checked against the schema and ready to run: the object, the columns in SELECT order, the
 * filter, the sort, the window and which records to look at.
 */
public final class QueryPlan {

  private final SoqlQuery query;
  private final SObjectDefinition object;
  private final List<FieldPath> columns;
  private final Predicate<StoredRecord> filter;
  private final List<SortKey> sortKeys;
  private final AccessPath access;

  QueryPlan(
      SoqlQuery query,
      SObjectDefinition object,
      List<FieldPath> columns,
      Predicate<StoredRecord> filter,
      List<SortKey> sortKeys,
      AccessPath access) {
    this.query = query;
    this.object = object;
    this.columns = List.copyOf(columns);
    this.filter = filter;
    this.sortKeys = List.copyOf(sortKeys);
    this.access = access;
  }

  public SoqlQuery query() {
    return query;
  }

  /** The FROM object. */
  public SObjectDefinition object() {
    return object;
  }

  /** The selected paths in SELECT order (empty for {@code COUNT()}). */
  public List<FieldPath> columns() {
    return columns;
  }

  /** The selected paths as Salesforce spells them: {@code Id}, {@code Account.Name}. */
  public List<String> columnNames() {
    return columns.stream().map(FieldPath::canonicalName).toList();
  }

  public boolean count() {
    return query.count();
  }

  /** Whether {@code ALL ROWS} asked for deleted records too. */
  public boolean allRows() {
    return query.allRows();
  }

  public OptionalInt limit() {
    return query.limit();
  }

  public int offset() {
    return query.offset().orElse(0);
  }

  Predicate<StoredRecord> filter() {
    return filter;
  }

  List<SortKey> sortKeys() {
    return sortKeys;
  }

  AccessPath access() {
    return access;
  }
}
