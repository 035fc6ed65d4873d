package io.pgforce.salesforce.rest;

import java.util.List;

/**
 * One field of a describe, with the properties a sync needs to map it to a column.
 *
 * @param type Salesforce's field type: {@code string, reference, address, datetime...}
 * @param length characters, for text fields
 * @param digits for integer fields
 * @param calculated a formula or roll-up: read-only
 * @param compoundFieldName the compound field (an address, a name) this one belongs to, if any
 */
public record FieldDescribe(
    String name,
    String label,
    String type,
    String soapType,
    int length,
    int precision,
    int scale,
    int digits,
    boolean nillable,
    boolean createable,
    boolean updateable,
    boolean defaultedOnCreate,
    boolean calculated,
    boolean externalId,
    boolean idLookup,
    boolean unique,
    boolean custom,
    List<String> referenceTo,
    String relationshipName,
    String compoundFieldName,
    List<PicklistValue> picklistValues) {

  public FieldDescribe {
    referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
    picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
  }
}
