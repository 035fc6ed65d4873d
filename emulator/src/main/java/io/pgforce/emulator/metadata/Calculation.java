package io.pgforce.emulator.metadata;

import java.util.function.Function;

/**
 * How a calculated (read-only) field gets its value from the other fields of the same record. The
 * store evaluates it on every write, so a query reads the value like any other.
 */
@FunctionalInterface
public interface Calculation {

  /**
   * The field's value.
   *
   * @param fieldValues the record's current value of a field, by API name (null when empty)
   */
  Object compute(Function<String, Object> fieldValues);
}
