package io.pgforce.app.convergence;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ops log: every record the run made, the Salesforce id once known, and every operation on it
 * from either side. Shared by the workers of both sides, so it is thread-safe; the checker reads it
 * after the run to tell what each record should look like and to explain a divergence.
 */
final class Ledger {

  /** How many recently touched records each object keeps hot for edits from both sides. */
  private static final int HOT_RECORDS = 6;

  private final long seed;
  private final AtomicInteger serial = new AtomicInteger();
  private final Map<String, RecordHistory> records = new ConcurrentHashMap<>();
  private final Map<MappedObject, List<String>> keysByObject = new EnumMap<>(MappedObject.class);
  private final Map<MappedObject, Deque<String>> hot = new EnumMap<>(MappedObject.class);

  Ledger(long seed) {
    this.seed = seed;
    for (MappedObject o : MappedObject.values()) {
      keysByObject.put(o, new ArrayList<>());
      hot.put(o, new ArrayDeque<>());
    }
  }

  /** A new record's key, unique in the run and telling its object and seed. */
  String newKey(MappedObject object) {
    return object.keyPrefix() + "-" + seed + "-" + serial.incrementAndGet();
  }

  int nextSerial() {
    return serial.incrementAndGet();
  }

  synchronized void record(Write w) {
    RecordHistory history =
        records.computeIfAbsent(
            w.key(),
            k -> {
              keysByObject.get(w.object()).add(k);
              return new RecordHistory(w.object(), k);
            });
    history.add(w);
    if (w.mayHaveHappened() && w.kind() != Write.Kind.DELETE) {
      touch(w.object(), w.key());
    }
  }

  private void touch(MappedObject object, String key) {
    Deque<String> recent = hot.get(object);
    recent.remove(key);
    recent.addFirst(key);
    if (recent.size() > HOT_RECORDS) {
      recent.removeLast();
    }
  }

  /**
   * A record of {@code object} to edit: one of the recently touched ones with probability {@code
   * hotShare}, so both sides often edit the same record close together; otherwise any record.
   */
  synchronized Optional<RecordHistory> pick(MappedObject object, Random random, double hotShare) {
    List<String> pool =
        random.nextDouble() < hotShare && !hot.get(object).isEmpty()
            ? List.copyOf(hot.get(object))
            : keysByObject.get(object);
    if (pool.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(records.get(pool.get(random.nextInt(pool.size()))));
  }

  /** A random Account whose Salesforce id is known, to point a lookup at. */
  synchronized Optional<String> randomAccountId(Random random) {
    List<String> keys = keysByObject.get(MappedObject.ACCOUNT);
    for (int tries = 0; tries < 5 && !keys.isEmpty(); tries++) {
      RecordHistory account = records.get(keys.get(random.nextInt(keys.size())));
      if (account.sfid() != null && !account.surelyDeleted()) {
        return Optional.of(account.sfid());
      }
    }
    return Optional.empty();
  }

  Optional<RecordHistory> find(String key) {
    return Optional.ofNullable(records.get(key));
  }

  Collection<RecordHistory> all() {
    return records.values();
  }

  int size() {
    return records.size();
  }
}
