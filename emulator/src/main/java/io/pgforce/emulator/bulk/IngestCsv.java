package io.pgforce.emulator.bulk;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ingest job's CSV: UTF-8, the job's delimiter, a header row of field names, then one
 * record per row. The line ending must be the job's ({@code LF} unless the job said {@code CRLF}),
 * as Salesforce checks; quoted values may span lines. A file that cannot be read fails the whole
 * job.
 */
final class IngestCsv {

  /**
   * The header and rows.
   *
   * @param header the column names, as written
   * @param rows the rows, each as long as the header
   */
  record Table(List<String> header, List<String[]> rows) {}

  private IngestCsv() {}

  static Table parse(byte[] data, CsvDialect dialect) {
    checkLineEnding(data, dialect);
    CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .fieldSeparator(dialect.delimiter())
            .detectBomHeader(true)
            .skipEmptyLines(true)
            .allowUnclosedQuote(false)
            .allowExtraCharsAfterClosingQuote(false)
            .ofCsvRecord(new ByteArrayInputStream(data), StandardCharsets.UTF_8);
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    try (reader) {
      for (CsvRecord record : reader) {
        if (header == null) {
          header = List.copyOf(record.getFields());
        } else {
          rows.add(record.getFields().toArray(String[]::new));
        }
      }
    } catch (CsvParseException e) {
      throw new IngestFailure("ClientInputError : " + reason(e));
    } catch (java.io.IOException | UncheckedIOException e) {
      throw new IngestFailure("ClientInputError : " + e.getMessage());
    }
    if (header == null) {
      throw new IngestFailure("InvalidBatch : Empty file: no header row");
    }
    return new Table(header, rows);
  }

  private static String reason(CsvParseException e) {
    return e.getCause() != null && e.getCause().getMessage() != null
        ? e.getMessage() + ": " + e.getCause().getMessage()
        : e.getMessage();
  }

  /** Outside quotes, every line break must be the job's line ending. */
  private static void checkLineEnding(byte[] data, CsvDialect dialect) {
    boolean crlf = dialect.lineEnding().equals("\r\n");
    boolean quoted = false;
    for (int i = 0; i < data.length; i++) {
      byte b = data[i];
      if (b == '"') {
        quoted = !quoted;
      } else if (b == '\n' && !quoted && crlf != (i > 0 && data[i - 1] == '\r')) {
        throw new IngestFailure(
            "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is "
                + dialect.lineEndingName());
      }
    }
  }
}
