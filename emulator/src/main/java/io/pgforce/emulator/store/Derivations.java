package io.pgforce.emulator.store;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * Recomputes a record's derived fields (formula fields, and standard ones like Contact.Name) from
 * its other values, on every write, so that reads see them like stored values.
 */
final class Derivations {

  private Derivations() {}

  static void apply(SObjectDefinition type, Object[] values) {
    if (type.derivedFields().isEmpty()) {
      return;
    }
    Function<String, Object> reader =
        name ->
            type.field(name)
                .filter(FieldDefinition::isStored)
                .map(f -> values[f.position()])
                .orElse(null);
    for (FieldDefinition field : type.derivedFields()) {
      Object computed = field.calculation().orElseThrow().compute(reader);
      values[field.position()] = asDeclared(field, computed);
    }
  }

  /** The computed value in the representation the field's type stores. */
  private static Object asDeclared(FieldDefinition field, Object value) {
    if (value == null) {
      return null;
    }
    return switch (field.type()) {
      case DOUBLE, CURRENCY, PERCENT -> decimal(field, value);
      case INT -> value instanceof Number n ? n.intValue() : null;
      case BOOLEAN -> value instanceof Boolean b ? b : null;
      default -> truncated(field, String.valueOf(value));
    };
  }

  private static Double decimal(FieldDefinition field, Object value) {
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      return null;
    }
    return new BigDecimal(n.toString()).setScale(field.scale(), RoundingMode.HALF_UP).doubleValue();
  }

  private static String truncated(FieldDefinition field, String text) {
    return field.length() > 0 && text.length() > field.length()
        ? text.substring(0, field.length())
        : text;
  }
}
