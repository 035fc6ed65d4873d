package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.util.List;
import java.util.Map;

/**
 * Resolves a parent named by external id instead of by record id, as Salesforce allows on every
 * write path: {@code "Account": {"Ext_Id__c": "ACME-1"}} in a REST body, or an {@code
 * Account.Ext_Id__c} column in Bulk CSV, sets {@code AccountId} to the live Account whose Ext_Id__c
 * is ACME-1. The key field must be the parent's Id or an external id (or unique) field.
 */
final class ParentReferences {

  private static final String ATTRIBUTES = "attributes";

  private final OrgStore store;

  ParentReferences(OrgStore store) {
    this.store = store;
  }

  /**
   * The id of the parent {@code reference} names through {@code lookup}.
   *
   * @throws RecordRejected {@code INVALID_FIELD} when the reference names no usable key field, or
   *     its value matches no live parent or several
   */
  String parentId(FieldDefinition lookup, Map<?, ?> reference) {
    SObjectDefinition parent = store.schema().require(lookup.referenceTo().orElseThrow());
    Map.Entry<?, ?> key = onlyKey(parent, reference);
    String name = String.valueOf(key.getKey());
    FieldDefinition field =
        parent
            .field(name)
            .filter(f -> f.type() == FieldType.ID || f.indexed())
            .orElseThrow(() -> notKeyField(name, parent));
    Object value = key.getValue();
    if (field.type() == FieldType.ID || value == null) {
      return value == null ? null : value.toString();
    }
    List<String> matches = store.table(parent.name()).idsWithValue(field, coerced(field, value));
    if (matches.size() != 1) {
      throw notMatched(value, field, parent, !matches.isEmpty());
    }
    return matches.get(0);
  }

  private static Map.Entry<?, ?> onlyKey(SObjectDefinition parent, Map<?, ?> reference) {
    List<? extends Map.Entry<?, ?>> keys =
        reference.entrySet().stream().filter(e -> !ATTRIBUTES.equals(e.getKey())).toList();
    if (keys.size() != 1) {
      throw new RecordRejected(
          ApiError.of(
              "INVALID_FIELD",
              "More than 1 field provided in an external foreign key reference in entity: "
                  + parent.name()));
    }
    return keys.get(0);
  }

  private static Object coerced(FieldDefinition field, Object value) {
    return FieldValues.coerce(field, value);
  }

  private static RecordRejected notKeyField(String name, SObjectDefinition parent) {
    return new RecordRejected(
        ApiError.of(
            "INVALID_FIELD",
            "Field name provided, "
                + name
                + " is not an External ID or indexed field for "
                + parent.name()));
  }

  private static RecordRejected notMatched(
      Object value, FieldDefinition field, SObjectDefinition parent, boolean several) {
    String what = several ? " matches more than one record" : " not found";
    return new RecordRejected(
        ApiError.of(
            "INVALID_FIELD",
            "Foreign key external ID: "
                + value
                + what
                + " for field "
                + field.name()
                + " in entity "
                + parent.name()));
  }
}
