package io.pgforce.engine.outbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * One claimed {@code _trigger_log} entry.
 *
 * @param changedColumns the columns the entry's {@code values} names (all of them for an INSERT)
 */
public record LogEntry(
    long id,
    Action action,
    String table,
    long recordId,
    String sfid,
    Set<String> changedColumns,
    Instant createdAt) {

  /** The trigger log's {@code action} values. */
  public enum Action {
    INSERT,
    UPDATE,
    DELETE;

    /** The action named {@code name}; empty for anything else, as a hand-edited entry may hold. */
    public static Optional<Action> named(String name) {
      return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst();
    }
  }

  /** The row an entry is about. */
  public record Record(String table, long recordId) {}

  public LogEntry {
    changedColumns = Set.copyOf(changedColumns);
  }

  public Record record() {
    return new Record(table, recordId);
  }

  /** An entry whose creation time does not matter (tests, merging). */
  public LogEntry(
      long id,
      Action action,
      String table,
      long recordId,
      String sfid,
      Set<String> changedColumns) {
    this(id, action, table, recordId, sfid, changedColumns, Instant.EPOCH);
  }
}
