package io.pgforce.engine.sync;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.store.SaveResult;
import java.util.List;
import java.util.Map;

/**
 * Someone changing the org in Salesforce itself (its UI, another integration): DML on the
 * emulator's store with no client name. The harness's API client is the engine's own, so its writes
 * come back with pgforce's {@code changeOrigin}; a test about changes the engine must take as news
 * makes them through here instead. Each call is one Salesforce transaction.
 */
final class OrgUser {

  private final Emulator emulator;

  OrgUser(Emulator emulator) {
    this.emulator = emulator;
  }

  String create(String object, Map<String, Object> fields) {
    return createAll(object, List.of(fields)).get(0);
  }

  /** Creates the records in one transaction; their ids in order. */
  List<String> createAll(String object, List<Map<String, Object>> records) {
    List<RecordInput> inputs = records.stream().map(r -> RecordInput.of(object, r)).toList();
    return ids(emulator.dml().create(inputs, options()));
  }

  void update(String object, String id, Map<String, Object> fields) {
    ids(emulator.dml().update(List.of(RecordInput.update(object, id, fields)), options()));
  }

  /** Moves the record to the recycle bin. */
  void delete(String id) {
    ids(emulator.dml().delete(List.of(id), options()));
  }

  void undelete(String id) {
    ids(emulator.dml().undelete(List.of(id), options()));
  }

  /** Deletes for good: queryAll no longer sees the record, so no poll can notice. */
  void hardDelete(List<String> ids) {
    ids(emulator.dml().hardDelete(ids, options()));
  }

  private DmlOptions options() {
    return DmlOptions.asUser(emulator.userId()).withAllOrNone(true);
  }

  private static List<String> ids(List<SaveResult> results) {
    results.stream()
        .filter(r -> !r.success())
        .findFirst()
        .ifPresent(
            r -> {
              throw new IllegalStateException("the org refused a change: " + r.errors());
            });
    return results.stream().map(r -> r.id().orElseThrow()).toList();
  }
}
