package io.pgforce.emulator.soql;

import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which records a query needs to look at, narrowed from the top-level AND of its WHERE clause: a
 * SystemModstamp range reads the (SystemModstamp, Id) index, so an incremental poll over a million
 * records touches only the window; an {@code Id =} or {@code Id IN} reads those records only;
 * anything else scans the object in id order. The WHERE clause is still applied to every record.
 *
 * @param from the lower SystemModstamp bound, or null
 * @param fromInclusive whether {@code from} itself is in range
 * @param to the upper SystemModstamp bound, or null
 * @param toInclusive whether {@code to} itself is in range
 * @param ids the only ids that can match, or null when any can
 */
record AccessPath(
    Instant from, boolean fromInclusive, Instant to, boolean toInclusive, Set<String> ids) {

  static final AccessPath SCAN = new AccessPath(null, false, null, false, null);

  boolean byModstamp() {
    return ids == null && (from != null || to != null);
  }

  /** The candidate records, in the order the source keeps them. Call within a store read. */
  Iterable<StoredRecord> source(OrgStore store, SObjectDefinition object) {
    if (ids != null) {
      return new TreeSet<>(ids)
          .stream()
              .map(store::find)
              .flatMap(Optional::stream)
              .filter(r -> r.type() == object)
              .toList();
    }
    if (byModstamp()) {
      return store.recordsByModstamp(object, from, fromInclusive, to, toInclusive);
    }
    return store.records(object);
  }

  /** Whether the source already yields records in the requested order, so no sort is needed. */
  boolean alreadyOrdered(List<SortKey> keys) {
    if (keys.isEmpty()) {
      return true;
    }
    List<String> names =
        keys.stream()
            .map(
                k -> k.descending() || !k.path().lookups().isEmpty() ? "" : k.path().field().name())
            .toList();
    if (byModstamp()) {
      return names.equals(List.of(SystemFields.SYSTEM_MODSTAMP))
          || names.equals(List.of(SystemFields.SYSTEM_MODSTAMP, SystemFields.ID));
    }
    return names.equals(List.of(SystemFields.ID));
  }

  AccessPath withLowerBound(Instant value, boolean inclusive) {
    boolean tighter = from == null || value.isAfter(from) || (value.equals(from) && !inclusive);
    return tighter ? new AccessPath(value, inclusive, to, toInclusive, ids) : this;
  }

  AccessPath withUpperBound(Instant value, boolean inclusive) {
    boolean tighter = to == null || value.isBefore(to) || (value.equals(to) && !inclusive);
    return tighter ? new AccessPath(from, fromInclusive, value, inclusive, ids) : this;
  }

  AccessPath withIds(Set<String> only) {
    return new AccessPath(from, fromInclusive, to, toInclusive, Set.copyOf(only));
  }
}
