package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.FieldType;
import io.pgforce.emulator.metadata.PicklistValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * Converts a raw value (String, Boolean, Number from JSON or CSV) to the typed value a field
 * stores, the way Salesforce accepts input: numbers as strings, dates as {@code yyyy-MM-dd},
 * datetimes in ISO-8601 with {@code Z}, {@code +hh:mm} or {@code +hhmm}, ids in 15 or 18
 * characters, and an empty string as null. Decimals are rounded to the field's scale; datetimes to
 * the second, as Salesforce stores them.
 */
public final class FieldValues {

  private static final DateTimeFormatter DATETIME_INPUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  /** More integer digits than Salesforce's largest number field (18) and then some. */
  private static final int MAX_INTEGER_DIGITS = 40;

  private FieldValues() {}

  /**
   * The value {@code field} stores for {@code raw}.
   *
   * @throws RecordRejected with {@code JSON_PARSER_ERROR} (or {@code MALFORMED_ID} for ids and
   *     {@code NUMBER_OUTSIDE_VALID_RANGE} for numbers too large) when {@code raw} does not fit
   */
  static Object coerce(FieldDefinition field, Object raw) {
    if (raw == null
        || (raw instanceof String s && s.isEmpty() && field.type() != FieldType.BOOLEAN)) {
      return null;
    }
    FieldType type = field.type();
    return switch (type) {
      case BOOLEAN -> toBoolean(field, raw);
      case INT -> toInt(field, raw);
      case DOUBLE, CURRENCY, PERCENT -> toDecimal(field, raw);
      case DATE -> toDate(field, raw);
      case DATETIME -> toDateTime(field, raw);
      case TIME -> toTime(field, raw);
      case ID, REFERENCE -> toId(field, raw);
      case PICKLIST -> canonicalPicklistValue(field, text(field, raw));
      default -> text(field, raw);
    };
  }

  /** Parses an ISO-8601 datetime as Salesforce accepts it, or null when it is not one. */
  public static Instant parseDateTime(String text) {
    try {
      var parsed = DATETIME_INPUT.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      Instant instant =
          parsed instanceof OffsetDateTime odt
              ? odt.toInstant()
              : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
      return instant.truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(FieldDefinition field, Object raw) {
    if (raw instanceof String s) {
      return s;
    }
    if (raw instanceof Number n) {
      return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }
    if (raw instanceof Boolean) {
      return raw.toString();
    }
    throw notOfType(field, raw);
  }

  /** The picklist's own String for a known value, so a million records share one instance. */
  private static String canonicalPicklistValue(FieldDefinition field, String value) {
    for (PicklistValue candidate : field.picklistValues()) {
      if (candidate.value().equals(value)) {
        return candidate.value();
      }
    }
    return value;
  }

  private static Boolean toBoolean(FieldDefinition field, Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s && (s.isEmpty() || s.equalsIgnoreCase("false"))) {
      return Boolean.FALSE;
    }
    if (raw instanceof String s && s.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    throw notOfType(field, raw);
  }

  private static Integer toInt(FieldDefinition field, Object raw) {
    BigDecimal number = decimal(field, raw);
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(field, raw);
    }
  }

  private static Double toDecimal(FieldDefinition field, Object raw) {
    BigDecimal rounded = decimal(field, raw).setScale(field.scale(), RoundingMode.HALF_UP);
    int integerDigits = rounded.precision() - rounded.scale();
    if (integerDigits > field.precision() - field.scale()) {
      throw outOfRange(field, raw);
    }
    return rounded.doubleValue();
  }

  /** The number, refused early when it has more integer digits than any field can hold. */
  private static BigDecimal decimal(FieldDefinition field, Object raw) {
    BigDecimal number = parseDecimal(field, raw);
    if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
      throw outOfRange(field, raw);
    }
    return number;
  }

  private static BigDecimal parseDecimal(FieldDefinition field, Object raw) {
    try {
      if (raw instanceof BigDecimal d) {
        return d;
      }
      if (raw instanceof Number || raw instanceof String) {
        return new BigDecimal(raw.toString().trim());
      }
    } catch (NumberFormatException e) {
      // reported below, in Salesforce's words
    }
    throw notOfType(field, raw);
  }

  private static LocalDate toDate(FieldDefinition field, Object raw) {
    if (raw instanceof String s) {
      try {
        return LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw notOfType(field, raw);
  }

  private static Instant toDateTime(FieldDefinition field, Object raw) {
    Instant parsed = raw instanceof String s ? parseDateTime(s) : null;
    if (parsed == null) {
      throw notOfType(field, raw);
    }
    return parsed;
  }

  private static LocalTime toTime(FieldDefinition field, Object raw) {
    if (raw instanceof String s) {
      try {
        String withoutZone = s.endsWith("Z") ? s.substring(0, s.length() - 1) : s;
        return LocalTime.parse(withoutZone).truncatedTo(ChronoUnit.MILLIS);
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw notOfType(field, raw);
  }

  private static String toId(FieldDefinition field, Object raw) {
    String text = raw instanceof String s ? s : String.valueOf(raw);
    return RecordIds.normalize(text)
        .orElseThrow(
            () ->
                new RecordRejected(
                    ApiError.of(
                        "MALFORMED_ID",
                        field.label() + ": id value of incorrect type: " + text,
                        field.name())));
  }

  private static RecordRejected notOfType(FieldDefinition field, Object raw) {
    String kind =
        raw instanceof String
            ? "VALUE_STRING"
            : raw instanceof Boolean ? "VALUE_" + raw.toString().toUpperCase() : "VALUE_NUMBER";
    return new RecordRejected(
        ApiError.of(
            "JSON_PARSER_ERROR",
            "Cannot deserialize instance of "
                + field.type().apiName()
                + " from "
                + kind
                + " value "
                + raw
                + " or the value is out of range for "
                + field.type().apiName(),
            field.name()));
  }

  private static RecordRejected outOfRange(FieldDefinition field, Object raw) {
    return new RecordRejected(
        ApiError.of(
            "NUMBER_OUTSIDE_VALID_RANGE",
            field.label() + ": value outside of valid range on numeric field: " + raw,
            field.name()));
  }
}
