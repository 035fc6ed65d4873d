package io.pgforce.engine.outbound;

import io.pgforce.engine.outbound.LogEntry.Action;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds every claimed entry of one record into a single write (Heroku Connect's "merged writes"):
 * ten thousand updates of one row become one update of its latest state, and a row created and
 * deleted before it was pushed costs no API call at all. Values are read from the row when the
 * write is sent, so only which columns changed is needed here.
 */
public final class ChangeMerger {

  private ChangeMerger() {}

  /** Merges entries given in id order into writes, ordered by each record's first entry. */
  public static List<PendingWrite> merge(List<LogEntry> entries) {
    Map<LogEntry.Record, List<LogEntry>> byRecord = new LinkedHashMap<>();
    for (LogEntry e : entries) {
      byRecord.computeIfAbsent(e.record(), k -> new ArrayList<>()).add(e);
    }
    return byRecord.values().stream().map(ChangeMerger::mergeRecord).toList();
  }

  private static PendingWrite mergeRecord(List<LogEntry> history) {
    LogEntry first = history.get(0);
    String sfid =
        history.stream().map(LogEntry::sfid).filter(s -> s != null).findFirst().orElse(null);
    Set<String> columns = new HashSet<>();
    history.forEach(e -> columns.addAll(e.changedColumns()));
    List<Long> ids = history.stream().map(LogEntry::id).toList();
    boolean deleted = history.stream().anyMatch(e -> e.action() == Action.DELETE);
    Kind kind = kind(first.action(), deleted, sfid != null);
    return new PendingWrite(
        first.table(), first.recordId(), kind, sfid, columns, ids, first.createdAt());
  }

  /**
   * A row id is never reused, so a record whose history holds a DELETE is gone, whatever follows
   * it: entries after it can only be an inbound copy's, moved onto the deleted row when the
   * recorder folded that copy in (see {@link ResultRecorder}). The record is deleted.
   */
  private static Kind kind(Action first, boolean deleted, boolean hasSfid) {
    if (deleted) {
      return hasSfid ? Kind.DELETE : Kind.NOTHING;
    }
    if (first == Action.INSERT && !hasSfid) {
      return Kind.INSERT;
    }
    return hasSfid ? Kind.UPDATE : Kind.INSERT;
  }
}
