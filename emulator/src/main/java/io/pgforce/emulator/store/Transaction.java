package io.pgforce.emulator.store;

import io.pgforce.emulator.metadata.FieldDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The writes of one DML call: applied to the tables as they go (so later records of the call see
 * earlier ones, for duplicate and lookup checks), remembered so an all-or-none failure can undo
 * them, and turned into {@link ChangeEvent}s when the call commits.
 */
final class Transaction {

  private record Write(
      ObjectTable table, ChangeType type, StoredRecord before, StoredRecord after) {}

  private final Instant now;
  private final DmlOptions options;
  private final List<Write> writes = new ArrayList<>();

  Transaction(Instant now, DmlOptions options) {
    this.now = now;
    this.options = options;
  }

  /** The commit time every record of the call gets (second precision, like SystemModstamp). */
  Instant now() {
    return now;
  }

  DmlOptions options() {
    return options;
  }

  void write(ObjectTable table, ChangeType type, StoredRecord before, StoredRecord after) {
    table.put(before, after);
    writes.add(new Write(table, type, before, after));
  }

  /** Removes a record from its table for good (a hard delete); announced as a DELETE. */
  void remove(ObjectTable table, StoredRecord current) {
    table.remove(current);
    writes.add(new Write(table, ChangeType.DELETE, current, null));
  }

  /** Puts every table back as it was before the call. */
  void rollback() {
    for (int i = writes.size() - 1; i >= 0; i--) {
      Write w = writes.get(i);
      if (w.before == null) {
        w.table.remove(w.after);
      } else if (w.after == null) {
        w.table.put(null, w.before);
      } else {
        w.table.put(w.after, w.before);
      }
    }
    writes.clear();
  }

  List<ChangeEvent> events() {
    String key = UUID.randomUUID().toString();
    List<ChangeEvent> events = new ArrayList<>(writes.size());
    for (int i = 0; i < writes.size(); i++) {
      events.add(event(writes.get(i), key, i + 1, i == writes.size() - 1));
    }
    return events;
  }

  private ChangeEvent event(Write w, String key, int sequence, boolean last) {
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    switch (w.type) {
      case CREATE, UNDELETE -> nonNull(w.after, after);
      case DELETE -> nonNull(w.before, before);
      case UPDATE -> differences(w, before, after);
    }
    List<String> changed = List.copyOf(w.type == ChangeType.DELETE ? List.of() : after.keySet());
    StoredRecord record = w.after != null ? w.after : w.before;
    return new ChangeEvent(
        w.type,
        record.type().name(),
        record.id(),
        changed,
        Collections.unmodifiableMap(before),
        Collections.unmodifiableMap(after),
        options.userId(),
        options.clientId(),
        now,
        key,
        sequence,
        last);
  }

  private static void nonNull(StoredRecord record, Map<String, Object> into) {
    for (FieldDefinition field : record.type().fields()) {
      if (field.isStored() && record.get(field) != null) {
        into.put(field.name(), record.get(field));
      }
    }
  }

  private static void differences(Write w, Map<String, Object> before, Map<String, Object> after) {
    for (FieldDefinition field : w.after.type().fields()) {
      if (field.isStored() && !Objects.equals(w.before.get(field), w.after.get(field))) {
        before.put(field.name(), w.before.get(field));
        after.put(field.name(), w.after.get(field));
      }
    }
  }
}
