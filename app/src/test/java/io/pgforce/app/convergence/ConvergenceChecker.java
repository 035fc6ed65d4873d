package io.pgforce.app.convergence;

import io.pgforce.app.convergence.Snapshot.FailedEntry;
import io.pgforce.app.convergence.Snapshot.PostgresRow;
import io.pgforce.app.convergence.Snapshot.SalesforceRecord;
import io.pgforce.app.convergence.Verdict.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares both sides record by record, matched by each record's key, against the ops log: a record
 * created and not deleted exists once on each side with equal values; a deleted one exists on
 * neither; values are those of the last writer; whatever the sync did not apply is explained by a
 * FAILED trigger-log entry.
 */
final class ConvergenceChecker {

  private final Ledger ledger;
  private final Snapshot snapshot;
  private final LastWriterWins lastWriter;
  private final Verdict verdict = new Verdict();

  ConvergenceChecker(Ledger ledger, Snapshot snapshot, Duration concurrencyWindow) {
    this.ledger = ledger;
    this.snapshot = snapshot;
    this.lastWriter = new LastWriterWins(concurrencyWindow);
  }

  Verdict check() {
    snapshot.failed().forEach(f -> verdict.failureReason(f.message()));
    for (MappedObject o : MappedObject.values()) {
      checkObject(o);
    }
    return verdict;
  }

  private void checkObject(MappedObject o) {
    Map<String, List<SalesforceRecord>> sf =
        snapshot.salesforce().get(o).stream()
            .collect(Collectors.groupingBy(r -> String.valueOf(r.key(o))));
    Map<String, List<PostgresRow>> pg =
        snapshot.postgres().get(o).stream()
            .collect(Collectors.groupingBy(r -> String.valueOf(r.key(o))));
    Set<String> keys = new TreeSet<>(sf.keySet());
    keys.addAll(pg.keySet());
    ledger.all().stream().filter(h -> h.object() == o).forEach(h -> keys.add(h.key()));
    for (String key : keys) {
      checkRecord(o, key, sf.getOrDefault(key, List.of()), pg.getOrDefault(key, List.of()));
    }
  }

  private void checkRecord(
      MappedObject o, String key, List<SalesforceRecord> sf, List<PostgresRow> pg) {
    RecordHistory history = ledger.find(key).orElse(null);
    String where = describe(o, key, sf, pg, history);
    if (sf.size() > 1 || pg.size() > 1) {
      verdict.add(Kind.DUPLICATED, where);
      return;
    }
    SalesforceRecord remote = sf.isEmpty() ? null : sf.get(0);
    PostgresRow local = pg.isEmpty() ? null : pg.get(0);
    Expectation expected = Expectation.of(history);
    if (remote == null || local == null) {
      checkMissing(expected, remote, local, where);
    } else if (expected == Expectation.GONE) {
      report(Kind.RESURRECTED, local, where);
    } else if (!remote.id().equals(local.sfid()) || !remote.values().equals(local.values())) {
      report(Kind.DIVERGENT, local, where);
    } else if (history != null && !lastWriter.holds(history, remote.values())) {
      // a write Salesforce refused takes the edits merged into it along: those fields end with
      // Salesforce's values, and the FAILED entry says why
      report(Kind.LWW_VIOLATED, local, where + lastWriter.explain(history, remote.values()));
    }
  }

  /** A record on one side only, or on neither. */
  private void checkMissing(
      Expectation expected, SalesforceRecord remote, PostgresRow local, String where) {
    boolean onNeither = remote == null && local == null;
    switch (expected) {
      case PRESENT -> report(Kind.LOST, local, where);
      case GONE -> {
        if (!onNeither) {
          report(Kind.RESURRECTED, local, where);
        }
      }
      case EITHER -> {
        if (!onNeither) {
          report(Kind.DIVERGENT, local, where);
        }
      }
      case NEVER_CREATED -> {
        if (!onNeither) {
          verdict.add(Kind.DIVERGENT, "exists though the run never created it: " + where);
        }
      }
    }
  }

  /** A finding, unless the sync reported it could not apply that record's change. */
  private void report(Kind kind, PostgresRow local, String where) {
    verdict.add(explained(local) ? Kind.FAILED_EXPLAINED : kind, where);
  }

  private boolean explained(PostgresRow local) {
    if (local == null) {
      return false;
    }
    if ("FAILED".equals(local.lastOp())) {
      return true;
    }
    for (FailedEntry f : snapshot.failed()) {
      if (f.recordId() == local.id() || (f.sfid() != null && f.sfid().equals(local.sfid()))) {
        return true;
      }
    }
    return false;
  }

  /** What the ops log says a record should be at the end. */
  enum Expectation {
    PRESENT,
    GONE,
    /** Only uncertain creates or deletes: either way, as long as both sides agree. */
    EITHER,
    NEVER_CREATED;

    static Expectation of(RecordHistory h) {
      if (h == null || !h.mayExist()) {
        return NEVER_CREATED;
      }
      if (h.surelyDeleted()) {
        return GONE;
      }
      return h.maybeDeleted() || !h.surelyCreated() ? EITHER : PRESENT;
    }
  }

  private static String describe(
      MappedObject o,
      String key,
      List<SalesforceRecord> sf,
      List<PostgresRow> pg,
      RecordHistory history) {
    return "%s %s%n  salesforce: %s%n  postgres:   %s%n  ops log:%s"
        .formatted(o.apiName(), key, sf, pg, history == null ? " (none)" : history.opsLog());
  }
}
