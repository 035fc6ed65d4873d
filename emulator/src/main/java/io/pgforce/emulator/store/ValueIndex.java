package io.pgforce.emulator.store;

import io.pgforce.emulator.metadata.FieldDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of live records by the value of one unique or external id field, so upserts and duplicate
 * checks do not scan. Text matches case-insensitively unless the field is case-sensitive, as in
 * Salesforce. Most values name one record, so the map holds a bare id and only switches to a list
 * for the rare value several records share (allowed for non-unique external ids).
 */
final class ValueIndex {

  private final FieldDefinition field;
  private final Map<Object, Object> idsByValue = new ConcurrentHashMap<>();

  ValueIndex(FieldDefinition field) {
    this.field = field;
  }

  FieldDefinition field() {
    return field;
  }

  void add(Object value, String id) {
    if (value == null) {
      return;
    }
    idsByValue.merge(key(value), id, ValueIndex::withId);
  }

  void remove(Object value, String id) {
    if (value == null) {
      return;
    }
    idsByValue.computeIfPresent(key(value), (k, ids) -> withoutId(ids, id));
  }

  /** The ids of live records holding {@code value}. */
  List<String> ids(Object value) {
    Object ids = value == null ? null : idsByValue.get(key(value));
    if (ids == null) {
      return List.of();
    }
    return ids instanceof String single ? List.of(single) : List.copyOf(idList(ids));
  }

  private Object key(Object value) {
    if (value instanceof String text) {
      return field.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros();
    }
    return value;
  }

  private static Object withId(Object existing, Object id) {
    List<String> ids = new ArrayList<>(idList(existing));
    ids.add((String) id);
    return ids;
  }

  private static Object withoutId(Object existing, String id) {
    if (existing instanceof String single) {
      return single.equals(id) ? null : single;
    }
    List<String> ids = new ArrayList<>(idList(existing));
    ids.remove(id);
    return ids.isEmpty() ? null : ids.size() == 1 ? ids.get(0) : ids;
  }

  @SuppressWarnings("unchecked")
  private static List<String> idList(Object ids) {
    return ids instanceof String single ? List.of(single) : (List<String>) ids;
  }
}
