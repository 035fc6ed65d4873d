package io.pgforce.salesforce.rest;

import java.util.List;
import java.util.Optional;

/** An object's describe: its properties and its fields, in Salesforce's order. */
public record SObjectDescribe(
    String name,
    String label,
    String labelPlural,
    String keyPrefix,
    boolean custom,
    boolean createable,
    boolean updateable,
    boolean deletable,
    boolean queryable,
    boolean replicateable,
    List<FieldDescribe> fields) {

  public SObjectDescribe {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  /** The field with this API name; API names are case-insensitive. */
  public Optional<FieldDescribe> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(fieldName)).findFirst();
  }
}
