package io.pgforce.engine.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the engine needs to know of one Salesforce field, taken from the object's describe.
 *
 * @param type the describe {@code type}: {@code string}, {@code reference}, {@code datetime}, ...
 * @param compoundFieldName for a component of an Address or Location field, that field's name
 * @param relationshipName for a reference field, the name its parent is reached by ({@code Account}
 *     for AccountId, {@code Parent__r} for Parent__c)
 */
public record SfField(
    String name,
    String type,
    int length,
    int precision,
    int scale,
    boolean createable,
    boolean updateable,
    boolean externalId,
    boolean calculated,
    Optional<String> compoundFieldName,
    List<String> referenceTo,
    Optional<String> relationshipName) {

  public SfField {
    referenceTo = List.copyOf(referenceTo);
  }

  /** A plain field of a type, for tests and for objects described by hand. */
  public static SfField of(String name, String type, int length) {
    return new SfField(
        name,
        type,
        length,
        0,
        0,
        true,
        true,
        false,
        false,
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /**
   * A write-only column naming a parent by its external id ({@code Account.External_ID__c}); its
   * table column is {@code account__r__external_id__c}, as Heroku Connect names it.
   */
  public static SfField relationshipExternalId(SfField reference, String externalIdField) {
    String relationship = reference.relationshipName().orElseThrow();
    return new SfField(
        relationship + "." + externalIdField,
        "string",
        255,
        0,
        0,
        true,
        true,
        false,
        false,
        Optional.empty(),
        reference.referenceTo(),
        Optional.of(relationship));
  }

  /** Whether this is a parent's external id reached through a relationship (see above). */
  public boolean isRelationshipExternalId() {
    return name.contains(".");
  }

  /** The column's name: the API name in lower case, as Heroku Connect names it. */
  public String columnName() {
    if (isRelationshipExternalId()) {
      String relationship = name.substring(0, name.indexOf('.'));
      String base =
          relationship.endsWith("__r")
              ? relationship.substring(0, relationship.length() - 3)
              : relationship;
      return (base + "__r__" + name.substring(name.indexOf('.') + 1)).toLowerCase(Locale.ROOT);
    }
    return name.equalsIgnoreCase("Id") ? "sfid" : name.toLowerCase(Locale.ROOT);
  }

  /** Address and Location fields have no column of their own: their components do. */
  public boolean isCompound() {
    return type.equals("address") || type.equals("location");
  }
}
