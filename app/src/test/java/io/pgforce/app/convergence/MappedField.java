package io.pgforce.app.convergence;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * One mapped field and how to make random values for it. Values are what both sides accept as
 * written: dates as ISO text, numbers whole (so no side rounds them), text with characters that
 * CSV, JSON and SQL each have to escape.
 */
record MappedField(String apiName, Kind kind, boolean required, List<String> choices) {

  enum Kind {
    TEXT,
    INTEGER,
    NUMBER,
    PICKLIST,
    DATE,
    BOOLEAN,
    REFERENCE
  }

  private static final String[] WORDS = {"Acme", "O'Brien", "Zürich", "\"Quoted\"", "a,b", "Ωmega"};
  private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

  static MappedField text(String name, boolean required) {
    return new MappedField(name, Kind.TEXT, required, List.of());
  }

  static MappedField integer(String name) {
    return new MappedField(name, Kind.INTEGER, false, List.of());
  }

  static MappedField number(String name) {
    return new MappedField(name, Kind.NUMBER, false, List.of());
  }

  static MappedField pick(String name, String... values) {
    return new MappedField(name, Kind.PICKLIST, false, List.of(values));
  }

  static MappedField requiredPick(String name, String... values) {
    return new MappedField(name, Kind.PICKLIST, true, List.of(values));
  }

  static MappedField date(String name) {
    return new MappedField(name, Kind.DATE, false, List.of());
  }

  static MappedField requiredDate(String name) {
    return new MappedField(name, Kind.DATE, true, List.of());
  }

  static MappedField bool(String name) {
    return new MappedField(name, Kind.BOOLEAN, true, List.of()); // a checkbox is never null
  }

  static MappedField reference(String name) {
    return new MappedField(name, Kind.REFERENCE, false, List.of());
  }

  String column() {
    return apiName.toLowerCase();
  }

  /**
   * A random value, sometimes null when the field allows it; references are chosen by the caller.
   */
  Object randomValue(Random random, int serial) {
    if (!required && random.nextInt(8) == 0) {
      return null;
    }
    return switch (kind) {
      case TEXT -> WORDS[random.nextInt(WORDS.length)] + " " + serial;
      case INTEGER -> random.nextInt(100_000);
      case NUMBER -> random.nextInt(1_000_000);
      case PICKLIST -> choices.get(random.nextInt(choices.size()));
      case DATE -> EPOCH.plusDays(random.nextInt(3000)).toString();
      case BOOLEAN -> random.nextBoolean();
      case REFERENCE -> throw new IllegalStateException("references are chosen by the generator");
    };
  }
}
