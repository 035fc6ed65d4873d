package io.pgforce.emulator.soql;

import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.StoredRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs SOQL against the store, outside HTTP: the REST query resource and Bulk API query jobs both
 * use it.
 *
 * <p>Matching happens under the store's read lock and keeps only references to the (immutable)
 * matching records; without an ORDER BY the source order is kept and a LIMIT stops the scan early.
 */
public final class QueryExecutor {

  /** Salesforce's limit on the length of a SOQL statement. */
  static final int MAX_LENGTH = 100_000;

  private final OrgStore store;
  private final QueryBinder binder;

  public QueryExecutor(OrgStore store) {
    this.store = store;
    this.binder = new QueryBinder(store);
  }

  /**
   * Parses and checks {@code soql}.
   *
   * @throws io.pgforce.emulator.errors.SalesforceException 400 with {@code MALFORMED_QUERY}, {@code
   *     INVALID_FIELD} or {@code INVALID_TYPE}
   */
  public QueryPlan prepare(String soql) {
    if (soql.length() > MAX_LENGTH) {
      throw Errors.badRequest(
          "MALFORMED_QUERY", "SOQL statements cannot be longer than 100,000 characters");
    }
    return binder.bind(SoqlParser.parse(soql));
  }

  /** Runs {@code soql}; deleted records are included when {@code queryAll} or ALL ROWS asks. */
  public QueryResult execute(String soql, boolean queryAll) {
    return execute(prepare(soql), queryAll);
  }

  public QueryResult execute(QueryPlan plan, boolean queryAll) {
    boolean includeDeleted = queryAll || plan.allRows();
    List<StoredRecord> matched = store.read(() -> match(plan, includeDeleted));
    List<StoredRecord> window = window(plan, matched);
    return plan.count()
        ? new QueryResult(plan, List.of(), window.size(), store)
        : new QueryResult(plan, window, window.size(), store);
  }

  private List<StoredRecord> match(QueryPlan plan, boolean includeDeleted) {
    boolean sort = !plan.access().alreadyOrdered(plan.sortKeys());
    long enough =
        sort || plan.limit().isEmpty()
            ? Long.MAX_VALUE
            : (long) plan.offset() + plan.limit().getAsInt();
    List<StoredRecord> matched = new ArrayList<>();
    for (StoredRecord record : plan.access().source(store, plan.object())) {
      if (matched.size() >= enough) {
        break;
      }
      if ((includeDeleted || !record.deleted()) && plan.filter().test(record)) {
        matched.add(record);
      }
    }
    if (sort) {
      matched.sort(comparator(plan.sortKeys()));
    }
    return matched;
  }

  private static List<StoredRecord> window(QueryPlan plan, List<StoredRecord> matched) {
    int from = Math.min(plan.offset(), matched.size());
    int to =
        plan.limit().isPresent()
            ? (int) Math.min((long) from + plan.limit().getAsInt(), matched.size())
            : matched.size();
    return from == 0 && to == matched.size() ? matched : List.copyOf(matched.subList(from, to));
  }

  private Comparator<StoredRecord> comparator(List<SortKey> keys) {
    Comparator<StoredRecord> order = (a, b) -> 0;
    for (SortKey key : keys) {
      order = order.thenComparing(byKey(key));
    }
    return order;
  }

  private Comparator<StoredRecord> byKey(SortKey key) {
    Comparator<Object> values = (a, b) -> Values.compare(key.path().field().type(), a, b);
    Comparator<Object> directed = key.descending() ? values.reversed() : values;
    Comparator<Object> withNulls =
        key.nullsLast() ? Comparator.nullsLast(directed) : Comparator.nullsFirst(directed);
    return Comparator.comparing(r -> key.path().valueOf(r, store), withNulls);
  }
}
