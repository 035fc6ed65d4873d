package io.pgforce.emulator.soql;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * The days a date formula ({@code TODAY}, {@code LAST_N_DAYS:7}...) covers, as a half-open range of
 * dates in UTC (the emulator's users all live in UTC). A comparison with a formula compares with
 * the range: {@code = } means within it, {@code <} before its start, {@code >} after its end.
 *
 * @param start the first day covered
 * @param end the first day after the range
 */
record DateRange(LocalDate start, LocalDate end) {

  /** The range a formula covers on {@code today}, or empty when the emulator does not know it. */
  static Optional<DateRange> of(String formula, int n, LocalDate today) {
    LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    LocalDate month = today.withDayOfMonth(1);
    LocalDate year = today.withDayOfYear(1);
    DateRange range =
        switch (formula) {
          case "YESTERDAY" -> days(today.minusDays(1), 1);
          case "TODAY" -> days(today, 1);
          case "TOMORROW" -> days(today.plusDays(1), 1);
          case "LAST_WEEK" -> days(week.minusWeeks(1), 7);
          case "THIS_WEEK" -> days(week, 7);
          case "NEXT_WEEK" -> days(week.plusWeeks(1), 7);
          case "LAST_MONTH" -> new DateRange(month.minusMonths(1), month);
          case "THIS_MONTH" -> new DateRange(month, month.plusMonths(1));
          case "NEXT_MONTH" -> new DateRange(month.plusMonths(1), month.plusMonths(2));
          case "LAST_90_DAYS" -> new DateRange(today.minusDays(90), today.plusDays(1));
          case "NEXT_90_DAYS" -> days(today.plusDays(1), 90);
          case "LAST_N_DAYS" -> new DateRange(today.minusDays(n), today.plusDays(1));
          case "NEXT_N_DAYS" -> days(today.plusDays(1), n);
          case "N_DAYS_AGO" -> days(today.minusDays(n), 1);
          case "LAST_YEAR" -> new DateRange(year.minusYears(1), year);
          case "THIS_YEAR" -> new DateRange(year, year.plusYears(1));
          case "NEXT_YEAR" -> new DateRange(year.plusYears(1), year.plusYears(2));
          default -> null;
        };
    return Optional.ofNullable(range);
  }

  private static DateRange days(LocalDate first, int count) {
    return new DateRange(first, first.plusDays(count));
  }

  Instant startInstant() {
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  Instant endInstant() {
    return end.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
