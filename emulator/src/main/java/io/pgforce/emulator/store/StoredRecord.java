package io.pgforce.emulator.store;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One record as stored: its object, its canonical 18-character id, whether it is in the recycle
 * bin, and its values by field position. Immutable: a write makes a new record, so readers can hold
 * one without locks. Values are typed: String (text, picklists, ids), Boolean, Integer, Double
 * (double, currency, percent), LocalDate, Instant (datetime), LocalTime; null when empty.
 */
public final class StoredRecord {

  private final SObjectDefinition type;
  private final String id;
  private final Object[] values;
  private final boolean deleted;

  StoredRecord(SObjectDefinition type, String id, Object[] values, boolean deleted) {
    this.type = type;
    this.id = id;
    this.values = values;
    this.deleted = deleted;
  }

  public SObjectDefinition type() {
    return type;
  }

  public String id() {
    return id;
  }

  /** Whether the record is in the recycle bin (IsDeleted). */
  public boolean deleted() {
    return deleted;
  }

  /** The value of a stored field of this record's object. */
  public Object get(FieldDefinition field) {
    return values[field.position()];
  }

  /** The value of the field named {@code fieldName}, or empty when the object has no such field. */
  public Optional<Object> value(String fieldName) {
    return type.field(fieldName).filter(FieldDefinition::isStored).map(this::get);
  }

  /** The value of the field named {@code fieldName}, null when empty or unknown. */
  public Object getOrNull(String fieldName) {
    return value(fieldName).orElse(null);
  }

  public Instant systemModstamp() {
    return (Instant) getOrNull(SystemFields.SYSTEM_MODSTAMP);
  }

  /** A copy of the values, for building the next version of the record. */
  Object[] copyValues() {
    return Arrays.copyOf(values, values.length);
  }

  /** The next version of this record. */
  StoredRecord with(Object[] newValues, boolean nowDeleted) {
    return new StoredRecord(type, id, newValues, nowDeleted);
  }

  @Override
  public String toString() {
    return type.name() + "(" + id + (deleted ? ", deleted" : "") + ")";
  }
}
