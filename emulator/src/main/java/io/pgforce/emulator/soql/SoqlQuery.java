package io.pgforce.emulator.soql;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A SELECT statement as written, before names are checked against the schema.
 *
 * @param text the query text, for error messages
 * @param objectName the FROM object
 * @param objectPosition where the FROM object is written
 * @param alias the FROM object's alias, if any
 * @param fields the selected field paths, in SELECT order (empty for {@code COUNT()})
 * @param fieldsFunction {@code ALL}, {@code STANDARD} or {@code CUSTOM} for {@code FIELDS(...)}
 * @param count whether the query is {@code SELECT COUNT() FROM ...}
 * @param where the WHERE clause
 * @param orderBy the ORDER BY items
 * @param limit the LIMIT
 * @param offset the OFFSET
 * @param allRows whether {@code ALL ROWS} includes deleted records
 */
public record SoqlQuery(
    String text,
    String objectName,
    SourcePosition objectPosition,
    Optional<String> alias,
    List<FieldRef> fields,
    Optional<String> fieldsFunction,
    boolean count,
    Optional<Condition> where,
    List<OrderItem> orderBy,
    OptionalInt limit,
    OptionalInt offset,
    boolean allRows) {

  /**
   * One ORDER BY item.
   *
   * @param field what to sort by
   * @param descending DESC
   * @param nullsLast NULLS LAST (the default, as in Salesforce, is NULLS FIRST)
   */
  public record OrderItem(FieldRef field, boolean descending, boolean nullsLast) {}
}
