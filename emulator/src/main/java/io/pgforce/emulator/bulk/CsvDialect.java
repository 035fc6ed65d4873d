package io.pgforce.emulator.bulk;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A job's CSV settings, by the names Bulk API 2.0 uses: {@code columnDelimiter} (COMMA by default;
 * BACKQUOTE, CARET, PIPE, SEMICOLON, TAB) and {@code lineEnding} (LF by default, or CRLF).
 *
 * @param delimiterName the {@code columnDelimiter} name
 * @param lineEndingName the {@code lineEnding} name
 */
record CsvDialect(String delimiterName, String lineEndingName) {

  static final CsvDialect DEFAULT = new CsvDialect("COMMA", "LF");

  private static final Map<String, Character> DELIMITERS =
      Map.of(
          "COMMA", ',',
          "BACKQUOTE", '`',
          "CARET", '^',
          "PIPE", '|',
          "SEMICOLON", ';',
          "TAB", '\t');
  private static final Map<String, String> LINE_ENDINGS = Map.of("LF", "\n", "CRLF", "\r\n");

  /**
   * The dialect a job request names; null names mean the defaults.
   *
   * @return empty when a name is not one Bulk API 2.0 knows
   */
  static Optional<CsvDialect> of(String delimiter, String lineEnding) {
    String d = delimiter == null ? DEFAULT.delimiterName : delimiter.toUpperCase(Locale.ROOT);
    String l = lineEnding == null ? DEFAULT.lineEndingName : lineEnding.toUpperCase(Locale.ROOT);
    if (!DELIMITERS.containsKey(d) || !LINE_ENDINGS.containsKey(l)) {
      return Optional.empty();
    }
    return Optional.of(new CsvDialect(d, l));
  }

  char delimiter() {
    return DELIMITERS.get(delimiterName);
  }

  String lineEnding() {
    return LINE_ENDINGS.get(lineEndingName);
  }
}
