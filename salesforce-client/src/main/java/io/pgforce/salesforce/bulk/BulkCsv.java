package io.pgforce.salesforce.bulk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.pgforce.salesforce.http.SalesforceDates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk API 2.0 CSV: UTF-8, a header row of API names, LF line endings. In ingest data an empty cell
 * leaves the field alone and only {@code #N/A} sets it to null.
 */
final class BulkCsv {

  static final String NULL = "#N/A";

  /**
   * Bulk CSV has no comments. FastCSV quotes a first field that starts with its comment character
   * ('#' by default), which would send the null marker as {@code "#N/A"}; NUL never starts a value.
   */
  private static final char NO_COMMENTS = '\u0000';

  private BulkCsv() {}

  /**
   * Writes rows as ingest CSV. The header is every key of every row, in first-seen order; a row
   * without a key leaves that field alone, and a null value clears the field.
   */
  static byte[] write(List<Map<String, Object>> rows) {
    Set<String> header = new LinkedHashSet<>();
    rows.forEach(row -> header.addAll(row.keySet()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CsvWriter csv =
        CsvWriter.builder()
            .commentCharacter(NO_COMMENTS)
            .lineDelimiter(LineDelimiter.LF)
            .build(out, StandardCharsets.UTF_8)) {
      csv.writeRecord(header);
      for (Map<String, Object> row : rows) {
        csv.writeRecord(header.stream().map(column -> cell(row, column)).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String cell(Map<String, Object> row, String column) {
    if (!row.containsKey(column)) {
      return "";
    }
    Object value = row.get(column);
    if (value == null) {
      return NULL;
    }
    if (value instanceof Instant instant) {
      return SalesforceDates.formatDateTime(instant);
    }
    if (value instanceof OffsetDateTime dateTime) {
      return SalesforceDates.formatDateTime(dateTime.toInstant());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  /** Reads a whole (small) CSV into maps keyed by header; duplicate headers keep the first. */
  static List<Map<String, String>> readAll(InputStream csv) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try {
      forEachRow(csv, row -> rows.add(asMap(row)));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception impossible) {
      throw new IllegalStateException(impossible);
    }
    return rows;
  }

  /** Streams a CSV page row by row to the consumer; the first record is the header. */
  static void forEachRow(InputStream csv, BulkRowConsumer consumer) throws Exception {
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8)) {
      List<String> header = null;
      for (CsvRecord record : reader) {
        if (header == null) {
          header = List.copyOf(record.getFields());
        } else {
          consumer.accept(new BulkRow(header, record.getFields()));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause(); // FastCSV wraps read failures; callers sort out network failures
    }
  }

  private static Map<String, String> asMap(BulkRow row) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < row.header().size() && i < row.values().size(); i++) {
      map.putIfAbsent(row.header().get(i), row.values().get(i));
    }
    return map;
  }
}
