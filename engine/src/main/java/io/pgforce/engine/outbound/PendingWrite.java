package io.pgforce.engine.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What one record needs in Salesforce after merging all its claimed log entries.
 *
 * @param sfid the record's Salesforce id when it already has one
 * @param columns for an UPDATE, the columns changed across the merged entries
 * @param entryIds every log entry this write settles, oldest first; the last one carries the
 *     result, the others become {@code MERGED}
 * @param firstChangeAt when the oldest of those entries was logged, to measure push lag
 */
public record PendingWrite(
    String table,
    long recordId,
    Kind kind,
    String sfid,
    Set<String> columns,
    List<Long> entryIds,
    Instant firstChangeAt) {

  /** What to do in Salesforce. */
  public enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    /** Created and deleted locally before it was ever pushed: nothing to do. */
    NOTHING
  }

  public PendingWrite {
    columns = Set.copyOf(columns);
    entryIds = List.copyOf(entryIds);
  }

  public PendingWrite(
      String table,
      long recordId,
      Kind kind,
      String sfid,
      Set<String> columns,
      List<Long> entryIds) {
    this(table, recordId, kind, sfid, columns, entryIds, Instant.EPOCH);
  }

  /** The entry that carries the result. */
  public long resultEntry() {
    return entryIds.get(entryIds.size() - 1);
  }

  /** The entries folded into the result entry. */
  public List<Long> mergedEntries() {
    return entryIds.subList(0, entryIds.size() - 1);
  }
}
