package io.pgforce.emulator.store;

import static io.pgforce.emulator.metadata.SystemFields.CREATED_BY_ID;
import static io.pgforce.emulator.metadata.SystemFields.CREATED_DATE;
import static io.pgforce.emulator.metadata.SystemFields.ID;
import static io.pgforce.emulator.metadata.SystemFields.IS_DELETED;
import static io.pgforce.emulator.metadata.SystemFields.LAST_MODIFIED_BY_ID;
import static io.pgforce.emulator.metadata.SystemFields.LAST_MODIFIED_DATE;
import static io.pgforce.emulator.metadata.SystemFields.OWNER_ID;
import static io.pgforce.emulator.metadata.SystemFields.SYSTEM_MODSTAMP;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saves one record of a DML call: converts and checks the caller's values, sets the system fields,
 * derives calculated ones, validates, and writes through the {@link Transaction}. Throws {@link
 * RecordRejected} with Salesforce's errors when the record cannot be saved.
 */
final class RecordWrites {

  private final OrgStore store;
  private final RecordValidator validator;
  private final ParentReferences parents;

  RecordWrites(OrgStore store) {
    this.store = store;
    this.validator = new RecordValidator(store);
    this.parents = new ParentReferences(store);
  }

  StoredRecord create(Transaction tx, RecordInput input) {
    ObjectTable table = store.table(input.objectName());
    SObjectDefinition type = table.type();
    Object[] values = new Object[type.storedFieldCount()];
    List<FieldDefinition> assigned = assign(type, input.fields(), values, true, null);
    applyDefaults(type, values, assigned);
    String id = store.newId(type);
    stampCreated(tx, type, values, id);
    autoNumbers(type, values);
    return save(
        tx, table, ChangeType.CREATE, null, new StoredRecord(type, id, values, false), assigned);
  }

  StoredRecord update(Transaction tx, RecordInput input) {
    ObjectTable table = store.table(input.objectName());
    String id = normalizedIdOf(table.type(), input.id());
    StoredRecord current = liveRecord(table, id);
    return update(tx, table, current, input.fields());
  }

  StoredRecord update(
      Transaction tx, ObjectTable table, StoredRecord current, Map<String, Object> fields) {
    Object[] values = current.copyValues();
    List<FieldDefinition> assigned = assign(table.type(), fields, values, false, current.id());
    stampModified(tx, table.type(), values);
    return save(tx, table, ChangeType.UPDATE, current, current.with(values, false), assigned);
  }

  StoredRecord delete(Transaction tx, String rawId) {
    StoredRecord current = deletableRecord(rawId);
    Object[] values = current.copyValues();
    values[current.type().requireField(IS_DELETED).position()] = Boolean.TRUE;
    values[current.type().requireField(SYSTEM_MODSTAMP).position()] = tx.now();
    StoredRecord deleted = current.with(values, true);
    tx.write(store.table(current.type().name()), ChangeType.DELETE, current, deleted);
    return deleted;
  }

  /** Removes a live record for good, without the recycle bin (Bulk API's hardDelete). */
  StoredRecord hardDelete(Transaction tx, String rawId) {
    StoredRecord current = deletableRecord(rawId);
    tx.remove(store.table(current.type().name()), current);
    return current;
  }

  private StoredRecord deletableRecord(String rawId) {
    String id = RecordIds.normalize(rawId).orElseThrow(() -> malformed(rawId));
    StoredRecord current = store.find(id).orElseThrow(RecordWrites::entityIsDeleted);
    if (current.deleted()) {
      throw entityIsDeleted();
    }
    if (!current.type().deletable()) {
      throw new RecordRejected(
          ApiError.of(
              "INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"));
    }
    return current;
  }

  StoredRecord undelete(Transaction tx, String rawId) {
    String id = RecordIds.normalize(rawId).orElseThrow(() -> malformed(rawId));
    StoredRecord current =
        store
            .find(id)
            .orElseThrow(
                () ->
                    new RecordRejected(
                        ApiError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id")));
    if (!current.deleted()) {
      throw new RecordRejected(ApiError.of("UNDELETE_FAILED", "Entity is not in the recycle bin"));
    }
    ObjectTable table = store.table(current.type().name());
    Object[] values = current.copyValues();
    values[current.type().requireField(IS_DELETED).position()] = Boolean.FALSE;
    values[current.type().requireField(SYSTEM_MODSTAMP).position()] = tx.now();
    List<FieldDefinition> unique =
        current.type().fields().stream().filter(FieldDefinition::unique).toList();
    return save(tx, table, ChangeType.UNDELETE, current, current.with(values, false), unique);
  }

  private StoredRecord save(
      Transaction tx,
      ObjectTable table,
      ChangeType type,
      StoredRecord before,
      StoredRecord after,
      List<FieldDefinition> assigned) {
    Object[] values = after.copyValues();
    Derivations.apply(table.type(), values);
    StoredRecord derived = after.with(values, after.deleted());
    List<ApiError> problems = validator.problems(table, values, assigned, after.id());
    if (!problems.isEmpty()) {
      throw new RecordRejected(problems);
    }
    tx.write(table, type, before, derived);
    return derived;
  }

  /**
   * Converts the caller's values into {@code values} and returns the fields it set.
   *
   * @param selfId the record's id on update (an Id key naming it is allowed), null on create
   */
  private List<FieldDefinition> assign(
      SObjectDefinition type,
      Map<String, Object> fields,
      Object[] values,
      boolean creating,
      String selfId) {
    List<FieldDefinition> assigned = new ArrayList<>();
    List<String> notWritable = new ArrayList<>();
    for (Map.Entry<String, Object> entry : fields.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(ID)) {
        checkIdKey(entry.getValue(), creating, selfId);
        continue;
      }
      FieldDefinition field = fieldOrLookup(type, entry.getKey(), entry.getValue());
      if (creating ? !field.createable() : !field.updateable()) {
        notWritable.add(field.name());
        continue;
      }
      Object raw =
          entry.getValue() instanceof Map<?, ?> reference
              ? parents.parentId(field, reference)
              : entry.getValue();
      values[field.position()] = FieldValues.coerce(field, raw);
      assigned.add(field);
    }
    if (!notWritable.isEmpty()) {
      throw new RecordRejected(notWritable(notWritable));
    }
    return assigned;
  }

  private static void checkIdKey(Object value, boolean creating, String selfId) {
    if (creating) {
      throw new RecordRejected(
          ApiError.of("INVALID_FIELD", "cannot specify Id in an insert call", ID));
    }
    String given = value == null ? null : RecordIds.normalize(value.toString()).orElse(null);
    if (!selfId.equals(given)) {
      throw new RecordRejected(
          ApiError.of(
              "INVALID_FIELD", "The Id field should not be specified in the sobject data.", ID));
    }
  }

  /**
   * The field a body key names; a relationship name ({@code Account}) whose value names the parent
   * by external id ({@code {"Ext_Id__c":"ACME-1"}}) names its lookup field ({@code AccountId}).
   */
  private static FieldDefinition fieldOrLookup(SObjectDefinition type, String key, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      return type.field(key).orElseThrow(() -> new RecordRejected(noSuchColumn(key, type.name())));
    }
    return type.relationship(key)
        .orElseThrow(
            () ->
                new RecordRejected(
                    type.hasField(key)
                        ? ApiError.of(
                            "JSON_PARSER_ERROR",
                            "Cannot deserialize instance of " + key + " from START_OBJECT value",
                            key)
                        : noSuchColumn(key, type.name())));
  }

  private static ApiError noSuchColumn(String field, String objectName) {
    return ApiError.of(
        "INVALID_FIELD", "No such column '" + field + "' on sobject of type " + objectName);
  }

  private static ApiError notWritable(List<String> fields) {
    return new ApiError(
        "INVALID_FIELD_FOR_INSERT_UPDATE",
        "Unable to create/update fields: "
            + String.join(", ", fields)
            + ". Please check the security settings of this field and verify that it is"
            + " read/write for your profile or permission set.",
        fields);
  }

  private static void applyDefaults(
      SObjectDefinition type, Object[] values, List<FieldDefinition> assigned) {
    for (FieldDefinition field : type.fields()) {
      if (field.isStored() && !assigned.contains(field) && values[field.position()] == null) {
        field.defaultValue().ifPresent(v -> values[field.position()] = v);
      }
    }
  }

  private static void stampCreated(
      Transaction tx, SObjectDefinition type, Object[] values, String id) {
    String user = tx.options().userId();
    values[type.requireField(ID).position()] = id;
    type.field(IS_DELETED).ifPresent(f -> values[f.position()] = Boolean.FALSE);
    type.field(OWNER_ID)
        .filter(f -> values[f.position()] == null)
        .ifPresent(f -> values[f.position()] = user);
    values[type.requireField(CREATED_DATE).position()] = tx.now();
    values[type.requireField(CREATED_BY_ID).position()] = user;
    stampModified(tx, type, values);
  }

  private static void stampModified(Transaction tx, SObjectDefinition type, Object[] values) {
    values[type.requireField(LAST_MODIFIED_DATE).position()] = tx.now();
    values[type.requireField(LAST_MODIFIED_BY_ID).position()] = tx.options().userId();
    values[type.requireField(SYSTEM_MODSTAMP).position()] = tx.now();
  }

  private void autoNumbers(SObjectDefinition type, Object[] values) {
    for (FieldDefinition field : type.fields()) {
      if (field.autoNumber()) {
        values[field.position()] = String.format("%08d", store.nextAutoNumber(type, field));
      }
    }
  }

  private static String normalizedIdOf(SObjectDefinition type, String rawId) {
    return RecordIds.normalize(rawId)
        .filter(id -> RecordIds.keyPrefix(id).equals(type.keyPrefix()))
        .orElseThrow(
            () ->
                new RecordRejected(
                    ApiError.of(
                        "MALFORMED_ID",
                        type.label() + " ID: id value of incorrect type: " + rawId,
                        ID)));
  }

  private StoredRecord liveRecord(ObjectTable table, String id) {
    StoredRecord current = table.get(id).orElseThrow(RecordWrites::entityIsDeleted);
    if (current.deleted()) {
      throw entityIsDeleted();
    }
    return current;
  }

  private static RecordRejected entityIsDeleted() {
    return new RecordRejected(ApiError.of("ENTITY_IS_DELETED", "entity is deleted"));
  }

  private static RecordRejected malformed(String rawId) {
    return new RecordRejected(ApiError.of("MALFORMED_ID", "malformed id " + rawId));
  }
}
