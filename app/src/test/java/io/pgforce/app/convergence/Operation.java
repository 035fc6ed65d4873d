package io.pgforce.app.convergence;

import java.util.Collections;
import java.util.Map;

/**
 * A random operation to run on one side: create a record with {@code key}, or update or delete the
 * record that has it.
 *
 * @param fields values to write by API name (null values clear a field); empty for deletes
 */
record Operation(
    Write.Kind kind, MappedObject object, RecordTarget target, Map<String, Object> fields) {

  Operation {
    fields = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  String key() {
    return target.key();
  }

  /** The written values in the form the ops log keeps. */
  Map<String, String> canonicalFields() {
    Map<String, String> out = new java.util.HashMap<>();
    fields.forEach((k, v) -> out.put(k, Values.canonical(v)));
    return out;
  }

  /** The record an operation is about: an existing one, or one a create is about to make. */
  record RecordTarget(String key, RecordHistory existing) {}
}
