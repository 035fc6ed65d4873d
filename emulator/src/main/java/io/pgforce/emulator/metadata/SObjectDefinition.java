package io.pgforce.emulator.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One sObject of the org: its names, key prefix, what it allows, and its fields in describe order.
 * Field and relationship names resolve case-insensitively, as they do in Salesforce. Immutable.
 */
public final class SObjectDefinition {

  private final String name;
  private final String label;
  private final String labelPlural;
  private final String keyPrefix;
  private final boolean deletable;
  private final List<FieldDefinition> fields;
  private final Map<String, FieldDefinition> fieldsByName;
  private final Map<String, FieldDefinition> fieldsByLowerName;
  private final Map<String, FieldDefinition> referencesByLowerRelationship;
  private final int storedFieldCount;
  private final List<FieldDefinition> derivedFields;

  SObjectDefinition(
      String name,
      String label,
      String labelPlural,
      String keyPrefix,
      boolean deletable,
      List<FieldDefinition> fieldsInOrder) {
    this.name = name;
    this.label = label;
    this.labelPlural = labelPlural;
    this.keyPrefix = keyPrefix;
    this.deletable = deletable;
    this.fields = positioned(fieldsInOrder);
    this.fieldsByLowerName = index(fields);
    this.fieldsByName = exactNames(fields);
    this.referencesByLowerRelationship = relationships(fields);
    this.storedFieldCount = (int) fields.stream().filter(FieldDefinition::isStored).count();
    this.derivedFields = fields.stream().filter(f -> f.calculation().isPresent()).toList();
  }

  private static List<FieldDefinition> positioned(List<FieldDefinition> fieldsInOrder) {
    List<FieldDefinition> result = new ArrayList<>(fieldsInOrder.size());
    int next = 0;
    for (FieldDefinition field : fieldsInOrder) {
      boolean stored = field.type() != FieldType.ADDRESS;
      result.add(field.atPosition(stored ? next++ : -1));
    }
    return Collections.unmodifiableList(result);
  }

  private static Map<String, FieldDefinition> index(List<FieldDefinition> fields) {
    Map<String, FieldDefinition> byName = new HashMap<>();
    for (FieldDefinition field : fields) {
      if (byName.put(lower(field.name()), field) != null) {
        throw new IllegalArgumentException("Field " + field.name() + " is defined twice");
      }
    }
    return Map.copyOf(byName);
  }

  private static Map<String, FieldDefinition> exactNames(List<FieldDefinition> fields) {
    Map<String, FieldDefinition> byName = new HashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    return Map.copyOf(byName);
  }

  private static Map<String, FieldDefinition> relationships(List<FieldDefinition> fields) {
    Map<String, FieldDefinition> byRelationship = new HashMap<>();
    for (FieldDefinition field : fields) {
      field.relationshipName().ifPresent(r -> byRelationship.put(lower(r), field));
    }
    return Map.copyOf(byRelationship);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String labelPlural() {
    return labelPlural;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public boolean custom() {
    return name.endsWith("__c");
  }

  /** Whether records can be deleted (and so undeleted); Users cannot. */
  public boolean deletable() {
    return deletable;
  }

  /** Fields in describe order. */
  public List<FieldDefinition> fields() {
    return fields;
  }

  /** The fields whose value the platform computes from the others, in describe order. */
  public List<FieldDefinition> derivedFields() {
    return derivedFields;
  }

  /** How many values a record of this object stores (the length of its array). */
  public int storedFieldCount() {
    return storedFieldCount;
  }

  /** The field named {@code fieldName}, matched case-insensitively (exact names first, fast). */
  public Optional<FieldDefinition> field(String fieldName) {
    FieldDefinition exact = fieldsByName.get(fieldName);
    return exact != null
        ? Optional.of(exact)
        : Optional.ofNullable(fieldsByLowerName.get(lower(fieldName)));
  }

  /** The field, which the caller knows exists (a system field, or one validated earlier). */
  public FieldDefinition requireField(String fieldName) {
    return field(fieldName)
        .orElseThrow(() -> new IllegalStateException(name + " has no field " + fieldName));
  }

  /** Whether the object has the field. */
  public boolean hasField(String fieldName) {
    return fieldsByLowerName.containsKey(lower(fieldName));
  }

  /** The lookup field reached by a relationship name in a SOQL path (Account on Contact). */
  public Optional<FieldDefinition> relationship(String relationshipName) {
    return Optional.ofNullable(referencesByLowerRelationship.get(lower(relationshipName)));
  }

  /** The field describe marks as the record's name (Name, or CaseNumber on Case). */
  public Optional<FieldDefinition> nameField() {
    return fields.stream().filter(FieldDefinition::nameField).findFirst();
  }

  @Override
  public String toString() {
    return name;
  }
}
