package io.pgforce.emulator.soql;

import io.pgforce.emulator.metadata.FieldType;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How SOQL compares stored values: text case-insensitively (sorting by the upper-cased text, as
 * Salesforce does in English locales), ids exactly, numbers by value, multi-select picklists as
 * sets of values.
 */
final class Values {

  private Values() {}

  /** Orders two non-null values of a field of {@code type}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static int compare(FieldType type, Object a, Object b) {
    if (type.isText()) {
      return upper(a).compareTo(upper(b));
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Temporal || a instanceof Boolean || a instanceof String) {
      return ((Comparable) a).compareTo(b);
    }
    throw new IllegalArgumentException("Cannot compare " + a + " and " + b);
  }

  /** Equality as SOQL's {@code =} means it for two non-null values. */
  static boolean same(FieldType type, Object a, Object b) {
    if (type == FieldType.MULTIPICKLIST) {
      return items(a).equals(items(b));
    }
    return compare(type, a, b) == 0;
  }

  /** Whether a multi-select value holds every one of {@code wanted}'s items (INCLUDES 'a;b'). */
  static boolean includesAll(Object value, String wanted) {
    return items(value).containsAll(items(wanted));
  }

  private static Set<String> items(Object value) {
    return Arrays.stream(value.toString().split(";"))
        .map(s -> s.trim().toUpperCase(Locale.ROOT))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toSet());
  }

  private static String upper(Object value) {
    return value.toString().toUpperCase(Locale.ROOT);
  }
}
