package io.pgforce.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A value on the right of a WHERE comparison, as written. */
public sealed interface Literal {

  SourcePosition position();

  /** {@code null}. */
  record Null(SourcePosition position) implements Literal {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value, SourcePosition position) implements Literal {}

  /** A number, signed, integral or not. */
  record Number(BigDecimal value, SourcePosition position) implements Literal {}

  /** A quoted string, unescaped. */
  record Text(String value, SourcePosition position) implements Literal {}

  /** A date literal: {@code 2024-01-31}. */
  record Date(LocalDate value, SourcePosition position) implements Literal {}

  /** A datetime literal: {@code 2024-01-31T10:00:00Z}, second precision. */
  record DateTime(Instant value, SourcePosition position) implements Literal {}

  /** A date formula: {@code TODAY}, {@code LAST_N_DAYS:7} ({@code n} is 0 when it takes none). */
  record DateFormula(String name, int n, SourcePosition position) implements Literal {}

  /** A parenthesised list for IN, NOT IN, INCLUDES and EXCLUDES. */
  record ValueList(List<Literal> values, SourcePosition position) implements Literal {
    public ValueList {
      values = List.copyOf(values);
    }
  }
}
