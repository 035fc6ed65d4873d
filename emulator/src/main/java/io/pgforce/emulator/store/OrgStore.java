package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All records of the org, one table per sObject, safe under concurrent requests.
 *
 * <p>Writes ({@link #dml()} and {@link #load}) run one at a time under a write lock. Scans run
 * under a shared lock ({@link #read}), so a query sees the state between two transactions; a lookup
 * of one record by id ({@link #find}) needs no lock because records are immutable and the id index
 * is a concurrent map. Time comes from the injected clock, truncated to the second as Salesforce
 * stamps records.
 */
public final class OrgStore {

  private static final Logger LOG = LoggerFactory.getLogger(OrgStore.class);

  private final OrgSchema schema;
  private final Clock clock;
  private final OrgIdentity identity;
  private final IdGenerator ids = new IdGenerator();
  private final Map<String, ObjectTable> tablesByLowerName = new HashMap<>();
  private final Map<String, ObjectTable> tablesByPrefix = new HashMap<>();
  private final Map<String, AtomicLong> autoNumbers = new ConcurrentHashMap<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();
  private final Dml dml;

  public OrgStore(OrgSchema schema, Clock clock, OrgIdentity identity) {
    this.schema = schema;
    this.clock = clock;
    this.identity = identity;
    for (SObjectDefinition type : schema.objects()) {
      ObjectTable table = new ObjectTable(type);
      tablesByLowerName.put(type.name().toLowerCase(Locale.ROOT), table);
      tablesByPrefix.put(type.keyPrefix(), table);
    }
    ids.reserve(RecordIds.keyPrefix(identity.userId()), 1);
    this.dml = new Dml(this);
    insertAdminUser();
  }

  public OrgSchema schema() {
    return schema;
  }

  public Clock clock() {
    return clock;
  }

  public OrgIdentity identity() {
    return identity;
  }

  /** The write path: create, update, upsert, delete, undelete. */
  public Dml dml() {
    return dml;
  }

  /** Now, truncated to the second as SystemModstamp is. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** The record with this id (15 or 18 characters, any case for 18), live or deleted. */
  public Optional<StoredRecord> find(String rawId) {
    return RecordIds.normalize(rawId).flatMap(this::findCanonical);
  }

  private Optional<StoredRecord> findCanonical(String id) {
    ObjectTable table = tablesByPrefix.get(RecordIds.keyPrefix(id));
    return table == null ? Optional.empty() : table.get(id);
  }

  /** Runs {@code scan} under the shared lock, so it sees no half-done transaction. */
  public <T> T read(Supplier<T> scan) {
    lock.readLock().lock();
    try {
      return scan.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Every record of {@code type}, live and deleted, in id (creation) order. Call within read. */
  public Collection<StoredRecord> records(SObjectDefinition type) {
    return table(type.name()).all();
  }

  /** Every record of {@code type} in (SystemModstamp, Id) order. Call within {@link #read}. */
  public NavigableSet<StoredRecord> recordsByModstamp(SObjectDefinition type) {
    return table(type.name()).byModstamp();
  }

  /**
   * Records of {@code type} with SystemModstamp in a range, in (SystemModstamp, Id) order. A null
   * bound is open. Call within {@link #read}.
   */
  public NavigableSet<StoredRecord> recordsByModstamp(
      SObjectDefinition type,
      Instant from,
      boolean fromInclusive,
      Instant to,
      boolean toInclusive) {
    ObjectTable table = table(type.name());
    NavigableSet<StoredRecord> set = table.byModstamp();
    if (from != null) {
      set = set.tailSet(table.modstampProbe(from, !fromInclusive), false);
    }
    if (to != null) {
      set = set.headSet(table.modstampProbe(to, toInclusive), false);
    }
    return set;
  }

  /** How many records of the object the store holds, deleted ones included. */
  public int count(String objectName) {
    return table(objectName).size();
  }

  public void addChangeListener(ChangeListener listener) {
    listeners.add(listener);
  }

  public void removeChangeListener(ChangeListener listener) {
    listeners.remove(listener);
  }

  /**
   * Inserts records as they are, without validation or change events: the fast path that seeds an
   * org's initial state. Values are typed as {@link StoredRecord} documents; system fields are set
   * here. Returns the new ids in order.
   */
  public List<String> load(String objectName, List<Map<String, Object>> typedRecords) {
    return write(() -> new Loader(this, table(objectName)).insertAll(typedRecords));
  }

  /** Empties the org but for the admin user; listeners stay registered. */
  public void clear() {
    write(
        () -> {
          tablesByLowerName.values().forEach(ObjectTable::clear);
          autoNumbers.clear();
          insertAdminUser();
          return null;
        });
  }

  <T> T write(Supplier<T> action) {
    lock.writeLock().lock();
    try {
      return action.get();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The table of an object; an unknown name rejects the record, as Salesforce does. */
  ObjectTable table(String objectName) {
    ObjectTable table = tablesByLowerName.get(objectName.toLowerCase(Locale.ROOT));
    if (table == null) {
      throw new RecordRejected(
          ApiError.of("INVALID_TYPE", "sObject type '" + objectName + "' is not supported."));
    }
    return table;
  }

  String newId(SObjectDefinition type) {
    return ids.next(type.keyPrefix());
  }

  long nextAutoNumber(SObjectDefinition type, FieldDefinition field) {
    return autoNumbers
        .computeIfAbsent(type.name() + "." + field.name(), k -> new AtomicLong(1000))
        .incrementAndGet();
  }

  void publish(List<ChangeEvent> events) {
    for (ChangeEvent event : events) {
      for (ChangeListener listener : listeners) {
        try {
          listener.onChange(event);
        } catch (RuntimeException e) {
          LOG.warn("Change listener failed on {} {}", event.type(), event.recordId(), e);
        }
      }
    }
  }

  private void insertAdminUser() {
    write(
        () ->
            new Loader(this, table("User")).insert(identity.userId(), AdminUser.values(identity)));
  }

  /** The fixed field values of the admin user, the one user every session acts as. */
  private static final class AdminUser {
    static Map<String, Object> values(OrgIdentity identity) {
      return Map.of(
          "Username", identity.username(),
          "FirstName", "pgforce",
          "LastName", "Admin",
          "Email", identity.username().contains("@") ? identity.username() : "admin@pgforce.local",
          "Alias", "admin",
          "Title", "System Administrator",
          "CompanyName", identity.orgName());
    }
  }
}
