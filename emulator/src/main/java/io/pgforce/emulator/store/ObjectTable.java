package io.pgforce.emulator.store;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/**
 * The records of one sObject and their indexes: by id (which is also creation order), by
 * (SystemModstamp, Id) for incremental polls, and by value for unique and external id fields.
 * Mutated only under the store's write lock; the skip lists let single-record reads go without one.
 */
final class ObjectTable {

  private final SObjectDefinition type;
  private final FieldDefinition modstamp;
  private final ConcurrentSkipListMap<String, StoredRecord> byId = new ConcurrentSkipListMap<>();
  private final ConcurrentSkipListSet<StoredRecord> byModstamp;
  private final Map<String, ValueIndex> valueIndexes;

  ObjectTable(SObjectDefinition type) {
    this.type = type;
    this.modstamp = type.requireField(SystemFields.SYSTEM_MODSTAMP);
    Comparator<StoredRecord> order =
        Comparator.comparing((StoredRecord r) -> (Instant) r.get(modstamp))
            .thenComparing(StoredRecord::id);
    this.byModstamp = new ConcurrentSkipListSet<>(order);
    this.valueIndexes =
        type.fields().stream()
            .filter(FieldDefinition::indexed)
            .collect(Collectors.toUnmodifiableMap(FieldDefinition::name, ValueIndex::new));
  }

  SObjectDefinition type() {
    return type;
  }

  Optional<StoredRecord> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Adds a new record, or replaces {@code previous} (the current version) with {@code next}. */
  void put(StoredRecord previous, StoredRecord next) {
    if (previous != null) {
      byModstamp.remove(previous);
      unindex(previous);
    }
    byId.put(next.id(), next);
    byModstamp.add(next);
    index(next);
  }

  /** Removes a record entirely (undoing an insert, or emptying the org). */
  void remove(StoredRecord current) {
    byId.remove(current.id());
    byModstamp.remove(current);
    unindex(current);
  }

  private void index(StoredRecord record) {
    if (!record.deleted()) {
      valueIndexes.values().forEach(ix -> ix.add(record.get(ix.field()), record.id()));
    }
  }

  private void unindex(StoredRecord record) {
    if (!record.deleted()) {
      valueIndexes.values().forEach(ix -> ix.remove(record.get(ix.field()), record.id()));
    }
  }

  /** Every record, live and deleted, in id (creation) order. */
  Collection<StoredRecord> all() {
    return byId.values();
  }

  /** Every record, in (SystemModstamp, Id) order. */
  NavigableSet<StoredRecord> byModstamp() {
    return byModstamp;
  }

  /** A record that sorts at {@code stamp} before (or after) every real record with that stamp. */
  StoredRecord modstampProbe(Instant stamp, boolean afterAll) {
    Object[] values = new Object[type.storedFieldCount()];
    values[modstamp.position()] = stamp;
    return new StoredRecord(type, afterAll ? "\uffff" : "", values, false);
  }

  /** The ids of live records whose indexed {@code field} holds {@code value}. */
  List<String> idsWithValue(FieldDefinition field, Object value) {
    ValueIndex index = valueIndexes.get(field.name());
    if (index == null) {
      throw new IllegalArgumentException(field.name() + " is not indexed");
    }
    return index.ids(value);
  }

  int size() {
    return byId.size();
  }

  void clear() {
    List.copyOf(byId.values()).forEach(this::remove);
  }
}
