package io.pgforce.engine.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the engine needs to know of one Salesforce field, taken from the object's describe.
 *
 * @param type the describe {@code type}: {@code string}, {@code reference}, {@code datetime}, ...
 * @param compoundFieldName for a component of an Address or Location field, that field's name
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
    List<String> referenceTo) {

  public SfField {
    referenceTo = List.copyOf(referenceTo);
  }

  /** A plain field of a type, for tests and for objects described by hand. */
  public static SfField of(String name, String type, int length) {
    return new SfField(
        name, type, length, 0, 0, true, true, false, false, Optional.empty(), List.of());
  }

  /** The column's name: the API name in lower case, as Heroku Connect names it. */
  public String columnName() {
    return name.equalsIgnoreCase("Id") ? "sfid" : name.toLowerCase(Locale.ROOT);
  }

  /** Address and Location fields have no column of their own: their components do. */
  public boolean isCompound() {
    return type.equals("address") || type.equals("location");
  }
}
