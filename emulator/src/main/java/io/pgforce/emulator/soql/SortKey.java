package io.pgforce.emulator.soql;

/**
 * One resolved ORDER BY item.
 *
 * @param path what to sort by
 * @param descending DESC
 * @param nullsLast NULLS LAST (Salesforce's default is NULLS FIRST, in both directions)
 */
public record SortKey(FieldPath path, boolean descending, boolean nullsLast) {}
