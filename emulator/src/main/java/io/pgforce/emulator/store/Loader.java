package io.pgforce.emulator.store;

import static io.pgforce.emulator.metadata.SystemFields.CREATED_BY_ID;
import static io.pgforce.emulator.metadata.SystemFields.CREATED_DATE;
import static io.pgforce.emulator.metadata.SystemFields.ID;
import static io.pgforce.emulator.metadata.SystemFields.IS_DELETED;
import static io.pgforce.emulator.metadata.SystemFields.LAST_MODIFIED_BY_ID;
import static io.pgforce.emulator.metadata.SystemFields.LAST_MODIFIED_DATE;
import static io.pgforce.emulator.metadata.SystemFields.OWNER_ID;
import static io.pgforce.emulator.metadata.SystemFields.SYSTEM_MODSTAMP;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts already-typed records without validation or change events (the seeding fast path). Audit
 * dates given in the values are kept, so seeds can look historical; missing ones are now. Runs
 * under the store's write lock.
 */
final class Loader {

  private final OrgStore store;
  private final ObjectTable table;
  private final SObjectDefinition type;
  private final Instant now;
  private final Map<String, Integer> positions = new HashMap<>();

  Loader(OrgStore store, ObjectTable table) {
    this.store = store;
    this.table = table;
    this.type = table.type();
    this.now = store.now();
  }

  List<String> insertAll(List<Map<String, Object>> records) {
    List<String> created = new ArrayList<>(records.size());
    for (Map<String, Object> values : records) {
      created.add(insert(store.newId(type), values));
    }
    return created;
  }

  String insert(String id, Map<String, Object> typed) {
    Object[] values = new Object[type.storedFieldCount()];
    typed.forEach((name, value) -> values[field(name).position()] = value);
    for (FieldDefinition field : type.fields()) {
      if (field.isStored() && values[field.position()] == null) {
        field.defaultValue().ifPresent(v -> values[field.position()] = v);
      }
    }
    stamp(values, id);
    Derivations.apply(type, values);
    table.put(null, new StoredRecord(type, id, values, false));
    return id;
  }

  private FieldDefinition field(String name) {
    return type.field(name)
        .filter(FieldDefinition::isStored)
        .orElseThrow(() -> new IllegalArgumentException(type.name() + " has no field " + name));
  }

  private void stamp(Object[] values, String id) {
    String user = store.identity().userId();
    values[position(ID)] = id;
    type.field(IS_DELETED).ifPresent(f -> values[f.position()] = Boolean.FALSE);
    type.field(OWNER_ID).ifPresent(f -> values[f.position()] = orElse(values[f.position()], user));
    values[position(CREATED_BY_ID)] = user;
    values[position(LAST_MODIFIED_BY_ID)] = user;
    Object created = orElse(values[position(CREATED_DATE)], now);
    values[position(CREATED_DATE)] = created;
    Object modified = orElse(values[position(LAST_MODIFIED_DATE)], created);
    values[position(LAST_MODIFIED_DATE)] = modified;
    values[position(SYSTEM_MODSTAMP)] = orElse(values[position(SYSTEM_MODSTAMP)], modified);
    for (FieldDefinition field : type.fields()) {
      if (field.autoNumber() && values[field.position()] == null) {
        values[field.position()] = String.format("%08d", store.nextAutoNumber(type, field));
      }
    }
  }

  private int position(String name) {
    return positions.computeIfAbsent(name, n -> type.requireField(n).position());
  }

  private static Object orElse(Object value, Object fallback) {
    return value == null ? fallback : value;
  }
}
