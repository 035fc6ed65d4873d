package io.pgforce.emulator.soql;

import java.util.List;

/** A WHERE clause as written: comparisons combined with AND, OR and NOT. */
public sealed interface Condition {

  /** Every part holds. */
  record And(List<Condition> parts) implements Condition {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** Some part holds. */
  record Or(List<Condition> parts) implements Condition {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** The part does not hold. */
  record Not(Condition part) implements Condition {}

  /** {@code field operator value}. */
  record Comparison(FieldRef field, Operator operator, Literal value) implements Condition {}

  /** The comparison operators of SOQL. */
  enum Operator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    LIKE("LIKE"),
    IN("IN"),
    NOT_IN("NOT IN"),
    INCLUDES("INCLUDES"),
    EXCLUDES("EXCLUDES");

    private final String text;

    Operator(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
