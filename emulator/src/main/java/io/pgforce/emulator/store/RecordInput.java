package io.pgforce.emulator.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as a caller sends it to DML: the object, the id (for updates), and the raw field values,
 * keyed by field name in any case. Raw values are what JSON or CSV carry: String, Boolean, Number
 * or null; DML converts them to the field's type and reports what it cannot convert.
 *
 * @param objectName the sObject's API name
 * @param id the record id for an update (15 or 18 characters), or null
 * @param fields raw values by field name; may hold null values (which clear a field)
 */
public record RecordInput(String objectName, String id, Map<String, Object> fields) {

  public RecordInput {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A record to create or upsert. */
  public static RecordInput of(String objectName, Map<String, Object> fields) {
    return new RecordInput(objectName, null, fields);
  }

  /** A record to update. */
  public static RecordInput update(String objectName, String id, Map<String, Object> fields) {
    return new RecordInput(objectName, id, fields);
  }
}
