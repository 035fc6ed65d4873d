package io.pgforce.emulator.bulk;

import io.pgforce.emulator.errors.ApiError;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The rows of an ingest job and what became of each: saved (with its id and whether it was
 * created), failed (with Salesforce's {@code sf__Error} text), or not processed. Written out as the
 * three result files, each row with its original columns.
 */
final class IngestResults {

  private static final byte UNPROCESSED = 0;
  private static final byte SUCCEEDED = 1;
  private static final byte FAILED = 2;

  private final List<String> header;
  private final List<String[]> rows;
  private final byte[] outcomes;
  private final boolean[] created;
  private final String[] ids;
  private final String[] errors;
  private int processed;
  private int failed;

  IngestResults(List<String> header, List<String[]> rows) {
    this.header = List.copyOf(header);
    this.rows = rows;
    this.outcomes = new byte[rows.size()];
    this.created = new boolean[rows.size()];
    this.ids = new String[rows.size()];
    this.errors = new String[rows.size()];
  }

  int size() {
    return rows.size();
  }

  String[] row(int index) {
    return rows.get(index);
  }

  synchronized void succeeded(int row, String id, boolean wasCreated) {
    outcomes[row] = SUCCEEDED;
    ids[row] = id;
    created[row] = wasCreated;
    processed++;
  }

  synchronized void failed(int row, String id, List<ApiError> rowErrors) {
    outcomes[row] = FAILED;
    ids[row] = id;
    errors[row] = errorText(rowErrors);
    processed++;
    failed++;
  }

  synchronized int processed() {
    return processed;
  }

  synchronized int failed() {
    return failed;
  }

  /** {@code "sf__Id","sf__Created",<original columns>} for every saved row. */
  synchronized void writeSuccessful(OutputStream out, CsvDialect dialect) throws IOException {
    CsvByteWriter csv = header(out, dialect, "sf__Id", "sf__Created");
    for (int i = 0; i < rows.size(); i++) {
      if (outcomes[i] == SUCCEEDED) {
        row(csv, i, ids[i], Boolean.toString(created[i]));
      }
    }
    csv.flush();
  }

  /** {@code "sf__Id","sf__Error",<original columns>} for every failed row. */
  synchronized void writeFailed(OutputStream out, CsvDialect dialect) throws IOException {
    CsvByteWriter csv = header(out, dialect, "sf__Id", "sf__Error");
    for (int i = 0; i < rows.size(); i++) {
      if (outcomes[i] == FAILED) {
        row(csv, i, ids[i] == null ? "" : ids[i], errors[i]);
      }
    }
    csv.flush();
  }

  /** The original columns of every row not processed (the job failed or was aborted first). */
  synchronized void writeUnprocessed(OutputStream out, CsvDialect dialect) throws IOException {
    CsvByteWriter csv = header(out, dialect);
    for (int i = 0; i < rows.size(); i++) {
      if (outcomes[i] == UNPROCESSED) {
        row(csv, i);
      }
    }
    csv.flush();
  }

  private CsvByteWriter header(OutputStream out, CsvDialect dialect, String... leading)
      throws IOException {
    CsvByteWriter csv = new CsvByteWriter(out, dialect);
    for (String name : leading) {
      csv.text(name);
    }
    for (String name : header) {
      csv.text(name);
    }
    csv.endRow();
    return csv;
  }

  private void row(CsvByteWriter csv, int index, String... leading) throws IOException {
    for (String value : leading) {
      csv.text(value);
    }
    for (String cell : rows.get(index)) {
      csv.text(cell.isEmpty() ? null : cell);
    }
    csv.endRow();
  }

  /**
   * Salesforce's {@code sf__Error}: {@code CODE:message:Field1,Field2 --}, or {@code
   * CODE:message:--} when no field is named.
   */
  static String errorText(List<ApiError> rowErrors) {
    return rowErrors.stream()
        .map(
            e ->
                e.code()
                    + ":"
                    + e.message()
                    + ":"
                    + (e.fieldsOrEmpty().isEmpty() ? "" : String.join(",", e.fieldsOrEmpty()) + " ")
                    + "--")
        .collect(Collectors.joining(" "));
  }
}
