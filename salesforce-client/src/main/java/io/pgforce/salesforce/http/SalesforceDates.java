package io.pgforce.salesforce.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Salesforce's datetime forms. REST answers {@code 2013-05-07T22:07:19.000+0000}; CDC sends {@code
 * 2017-07-25T19:16:44Z}; inputs accept {@code Z} or {@code +hh:mm}.
 */
public final class SalesforceDates {

  private static final DateTimeFormatter OUTPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** getUpdated/getDeleted want {@code +00:00} rather than {@code Z}. */
  private static final DateTimeFormatter QUERY_PARAMETER =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter INPUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private SalesforceDates() {}

  /** Formats as {@code 2024-01-01T00:00:00.000Z}, which every Salesforce API accepts. */
  public static String formatDateTime(Instant instant) {
    return OUTPUT.format(instant);
  }

  /** Formats as {@code 2024-01-01T00:00:00+00:00} for getUpdated and getDeleted. */
  public static String formatQueryParameter(Instant instant) {
    return QUERY_PARAMETER.format(instant);
  }

  /** Parses any of Salesforce's datetime forms. */
  public static Instant parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(text, INPUT).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a Salesforce datetime: " + text, e);
    }
  }
}
