package io.pgforce.app.convergence;

import java.util.ArrayList;
import java.util.List;

/** One record of the run: its key, its Salesforce id once known, and its operations in order. */
final class RecordHistory {

  private final MappedObject object;
  private final String key;
  private final List<Write> writes = new ArrayList<>();
  private volatile String sfid;

  RecordHistory(MappedObject object, String key) {
    this.object = object;
    this.key = key;
  }

  MappedObject object() {
    return object;
  }

  String key() {
    return key;
  }

  String sfid() {
    return sfid;
  }

  void learnSfid(String id) {
    this.sfid = id;
  }

  synchronized void add(Write w) {
    writes.add(w);
  }

  synchronized List<Write> writes() {
    return List.copyOf(writes);
  }

  /** A create that may have happened: without one the record need not exist anywhere. */
  synchronized boolean mayExist() {
    return writes.stream().anyMatch(w -> w.kind() == Write.Kind.CREATE && w.mayHaveHappened());
  }

  synchronized boolean surelyCreated() {
    return writes.stream()
        .anyMatch(w -> w.kind() == Write.Kind.CREATE && w.outcome() == Write.Outcome.APPLIED);
  }

  /** A delete from either side took effect: the record must be gone from both. */
  synchronized boolean surelyDeleted() {
    return writes.stream()
        .anyMatch(w -> w.kind() == Write.Kind.DELETE && w.outcome() == Write.Outcome.APPLIED);
  }

  synchronized boolean maybeDeleted() {
    return writes.stream().anyMatch(w -> w.kind() == Write.Kind.DELETE && w.mayHaveHappened());
  }

  /** The ops log of this record, one operation a line, for a failure report. */
  synchronized String opsLog() {
    StringBuilder out = new StringBuilder();
    writes.forEach(w -> out.append("\n    ").append(w));
    return out.toString();
  }
}
