package io.pgforce.emulator.soql;

import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.StoredRecord;
import java.util.List;
import java.util.stream.Stream;

/**
 * The records a query matched, in result order, and their values in SELECT order on demand. The
 * matching is done once, under the store's read lock; the records are immutable, so rows can be
 * produced later, page by page, without holding any lock or materialising every row.
 */
public final class QueryResult {

  private final QueryPlan plan;
  private final List<StoredRecord> records;
  private final int totalSize;
  private final OrgStore store;

  QueryResult(QueryPlan plan, List<StoredRecord> records, int totalSize, OrgStore store) {
    this.plan = plan;
    this.records = records;
    this.totalSize = totalSize;
    this.store = store;
  }

  public QueryPlan plan() {
    return plan;
  }

  /** The matched records (empty for {@code COUNT()}). */
  public List<StoredRecord> records() {
    return records;
  }

  /** How many records matched: REST's {@code totalSize}. */
  public int totalSize() {
    return totalSize;
  }

  /** The column names, in SELECT order ({@code Id}, {@code Account.Name}). */
  public List<String> columns() {
    return plan.columnNames();
  }

  /** Each record's values in SELECT order, typed as stored, produced lazily. */
  public Stream<Object[]> rows() {
    return records.stream().map(this::row);
  }

  /** One record's values in SELECT order. */
  public Object[] row(StoredRecord record) {
    return plan.columns().stream().map(c -> c.valueOf(record, store)).toArray();
  }
}
