package io.pgforce.emulator.bulk;

import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.soql.FieldPath;
import io.pgforce.emulator.soql.QueryResult;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.StoredRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes one page of a query job's result as CSV: the header row (columns in SELECT order, as
 * Salesforce spells them) and the page's records, straight to the response stream.
 */
final class QueryResultPages {

  /** Salesforce's default page size when the client gives no {@code maxRecords}. */
  static final int DEFAULT_PAGE = 50_000;

  /** Reads one column's value from a record. */
  @FunctionalInterface
  private interface Column {
    Object read(StoredRecord record);
  }

  private final QueryResult result;
  private final Column[] columns;

  QueryResultPages(QueryResult result, OrgStore store) {
    this.result = result;
    List<FieldPath> paths = result.plan().columns();
    this.columns = new Column[paths.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = column(paths.get(i), store);
    }
  }

  int size() {
    return result.records().size();
  }

  /** Writes records {@code from} (inclusive) to {@code to} (exclusive). */
  void write(OutputStream out, CsvDialect dialect, int from, int to) throws IOException {
    CsvByteWriter csv = new CsvByteWriter(out, dialect);
    for (String name : result.columns()) {
      csv.text(name);
    }
    csv.endRow();
    List<StoredRecord> records = result.records();
    for (int i = from; i < to; i++) {
      StoredRecord record = records.get(i);
      for (Column column : columns) {
        csv.value(column.read(record));
      }
      csv.endRow();
    }
    csv.flush();
  }

  /** A field of the record itself is read directly; a parent's field follows the lookups. */
  private static Column column(FieldPath path, OrgStore store) {
    FieldDefinition field = path.field();
    if (path.lookups().isEmpty() && field.isStored()) {
      return record -> record.get(field);
    }
    return record -> path.valueOf(record, store);
  }
}
