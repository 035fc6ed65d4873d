package io.pgforce.emulator.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Writes Bulk API CSV straight into a byte buffer flushed to an output stream: every value quoted
 * (quotes doubled), null as nothing between the delimiters, datetimes as {@code
 * 2018-12-10T17:50:19.000Z}, dates as {@code 2018-12-10}, booleans as {@code true}/{@code false}.
 *
 * <p>This is the hot path of a bulk query page (the benchmark loads a million rows through it), so
 * it encodes UTF-8 and formats numbers and dates by hand, allocating nothing per value for the
 * common types. Not thread-safe; one writer per response.
 */
final class CsvByteWriter {

  private static final int BUFFER = 64 * 1024;
  private static final byte QUOTE = '"';
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final long MAX_PLAIN_LONG = 1_000_000_000_000_000L;

  private final OutputStream out;
  private final byte delimiter;
  private final byte[] lineEnding;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private boolean rowStarted;

  CsvByteWriter(OutputStream out, CsvDialect dialect) {
    this.out = out;
    this.delimiter = (byte) dialect.delimiter();
    this.lineEnding = dialect.lineEnding().getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes one value of the current row, formatted by its type. */
  void value(Object value) throws IOException {
    separate();
    if (value == null) {
      return;
    }
    if (value instanceof String text) {
      quoted(text);
    } else if (value instanceof Instant instant) {
      dateTime(instant);
    } else if (value instanceof Boolean flag) {
      ascii(flag ? TRUE : FALSE);
    } else if (value instanceof Double number) {
      decimal(number);
    } else if (value instanceof Integer number) {
      ensure(13);
      buf[pos++] = QUOTE;
      digits(number);
      buf[pos++] = QUOTE;
    } else {
      otherValue(value);
    }
  }

  /** Writes one value of the current row as text, whatever it looks like. */
  void text(String value) throws IOException {
    separate();
    if (value != null) {
      quoted(value);
    }
  }

  void endRow() throws IOException {
    ensure(lineEnding.length);
    System.arraycopy(lineEnding, 0, buf, pos, lineEnding.length);
    pos += lineEnding.length;
    rowStarted = false;
  }

  /** Writes out what is buffered; the stream stays open. */
  void flush() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
    out.flush();
  }

  private void otherValue(Object value) throws IOException {
    if (value instanceof LocalDate date) {
      ensure(12);
      buf[pos++] = QUOTE;
      date(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
      buf[pos++] = QUOTE;
    } else if (value instanceof LocalTime time) {
      ensure(15);
      buf[pos++] = QUOTE;
      time(time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 1_000_000);
      buf[pos++] = 'Z';
      buf[pos++] = QUOTE;
    } else {
      quoted(value.toString());
    }
  }

  private void separate() throws IOException {
    if (rowStarted) {
      ensure(1);
      buf[pos++] = delimiter;
    }
    rowStarted = true;
  }

  private void ascii(byte[] bytes) throws IOException {
    ensure(bytes.length + 2);
    buf[pos++] = QUOTE;
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
    buf[pos++] = QUOTE;
  }

  private void quoted(String text) throws IOException {
    int length = text.length();
    // Worst case: every char a doubled quote or 3 UTF-8 bytes (a surrogate pair is 2 chars, 4
    // bytes).
    if ((long) length * 3 + 2 > BUFFER - pos) {
      flushBuffer();
      if ((long) length * 3 + 2 > BUFFER) {
        quotedInChunks(text);
        return;
      }
    }
    buf[pos++] = QUOTE;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && c != '"') {
        buf[pos++] = (byte) c; // the common case, kept in this tight loop
      } else {
        i = encode(text, i);
      }
    }
    buf[pos++] = QUOTE;
  }

  /** A value too long for the buffer (a long text area): written in pieces. */
  private void quotedInChunks(String text) throws IOException {
    ensure(1);
    buf[pos++] = QUOTE;
    for (int i = 0; i < text.length(); i++) {
      ensure(4);
      i = encode(text, i);
    }
    ensure(1);
    buf[pos++] = QUOTE;
  }

  /**
   * Encodes the char at {@code i} (a quote doubled); returns the last index used, which is past
   * {@code i} for a surrogate pair.
   */
  private int encode(String text, int i) {
    char c = text.charAt(i);
    if (c >= 0x80) {
      return multiByte(text, i);
    }
    if (c == '"') {
      buf[pos++] = QUOTE;
    }
    buf[pos++] = (byte) c;
    return i;
  }

  /**
   * Encodes the non-ASCII char at {@code i} (and its low surrogate); returns the last index used.
   */
  private int multiByte(String text, int i) {
    char c = text.charAt(i);
    if (c < 0x800) {
      buf[pos++] = (byte) (0xC0 | (c >> 6));
      buf[pos++] = (byte) (0x80 | (c & 0x3F));
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, text.charAt(i + 1));
      buf[pos++] = (byte) (0xF0 | (cp >> 18));
      buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[pos++] = (byte) (0x80 | (cp & 0x3F));
      return i + 1;
    }
    char encoded = Character.isSurrogate(c) ? '?' : c;
    buf[pos++] = (byte) (0xE0 | (encoded >> 12));
    buf[pos++] = (byte) (0x80 | ((encoded >> 6) & 0x3F));
    buf[pos++] = (byte) (0x80 | (encoded & 0x3F));
    return i;
  }

  /** Whole numbers without a fraction ({@code 1500}), others in plain notation ({@code 12.5}). */
  private void decimal(double number) throws IOException {
    long whole = (long) number;
    if (whole == number && Math.abs(whole) < MAX_PLAIN_LONG) {
      ensure(22);
      buf[pos++] = QUOTE;
      digits(whole);
      buf[pos++] = QUOTE;
    } else {
      ascii(BigDecimal.valueOf(number).toPlainString().getBytes(StandardCharsets.US_ASCII));
    }
  }

  /** {@code 2018-12-10T17:50:19.000Z}, computed from the epoch without allocating. */
  private void dateTime(Instant instant) throws IOException {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    ensure(26);
    buf[pos++] = QUOTE;
    civilDate(days);
    buf[pos++] = 'T';
    time(
        secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, instant.getNano() / 1_000_000);
    buf[pos++] = 'Z';
    buf[pos++] = QUOTE;
  }

  /** Days since 1970-01-01 to year, month, day (Howard Hinnant's civil_from_days). */
  private void civilDate(long epochDays) {
    long z = epochDays + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    date(year, month, day);
  }

  private void date(int year, int month, int day) {
    pad(year, 4);
    buf[pos++] = '-';
    pad(month, 2);
    buf[pos++] = '-';
    pad(day, 2);
  }

  private void time(int hour, int minute, int second, int millis) {
    pad(hour, 2);
    buf[pos++] = ':';
    pad(minute, 2);
    buf[pos++] = ':';
    pad(second, 2);
    buf[pos++] = '.';
    pad(millis, 3);
  }

  /** A non-negative number in exactly {@code width} digits, zero-padded. */
  private void pad(int value, int width) {
    for (int i = width - 1; i >= 0; i--) {
      buf[pos + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    pos += width;
  }

  private void digits(long value) {
    if (value < 0) {
      buf[pos++] = '-';
      value = -value;
    }
    int start = pos;
    do {
      buf[pos++] = (byte) ('0' + value % 10);
      value /= 10;
    } while (value > 0);
    for (int i = start, j = pos - 1; i < j; i++, j--) {
      byte tmp = buf[i];
      buf[i] = buf[j];
      buf[j] = tmp;
    }
  }

  private void ensure(int bytes) throws IOException {
    if (pos + bytes > BUFFER) {
      flushBuffer();
    }
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }
}
