package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one write path of the org: create, update, upsert, delete and undelete of a list of records,
 * with Salesforce's validation and per-record results. REST, sObject Collections and Bulk ingest
 * all go through here, so they report the same errors.
 *
 * <p>Each call is one transaction under the store's write lock: every record gets the same commit
 * time, and with {@code allOrNone} one failure undoes the others (which then report {@code
 * ALL_OR_NONE_OPERATION_ROLLED_BACK}). Change listeners hear about the records only once the call
 * commits.
 */
public final class Dml {

  private final OrgStore store;
  private final RecordWrites writes;

  Dml(OrgStore store) {
    this.store = store;
    this.writes = new RecordWrites(store);
  }

  /** Creates the records (each names its object); ids come back in the results, in order. */
  public List<SaveResult> create(List<RecordInput> records, DmlOptions options) {
    return run(records, options, (tx, r) -> SaveResult.saved(writes.create(tx, r).id()));
  }

  /** Updates the records; each must carry its id. */
  public List<SaveResult> update(List<RecordInput> records, DmlOptions options) {
    return run(records, options, (tx, r) -> SaveResult.saved(writes.update(tx, r).id()));
  }

  /** Moves the records to the recycle bin. */
  public List<SaveResult> delete(List<String> ids, DmlOptions options) {
    return run(ids, options, (tx, id) -> SaveResult.saved(writes.delete(tx, id).id()));
  }

  /**
   * Deletes the records for good, bypassing the recycle bin (Bulk API's {@code hardDelete}): they
   * can no longer be undeleted or seen by queryAll. Change Data Capture reports a DELETE.
   */
  public List<SaveResult> hardDelete(List<String> ids, DmlOptions options) {
    return run(ids, options, (tx, id) -> SaveResult.saved(writes.hardDelete(tx, id).id()));
  }

  /** Brings records back from the recycle bin. */
  public List<SaveResult> undelete(List<String> ids, DmlOptions options) {
    return run(ids, options, (tx, id) -> SaveResult.saved(writes.undelete(tx, id).id()));
  }

  /**
   * Creates or updates each record of {@code objectName} depending on whether a live record has the
   * record's value of {@code externalIdField}.
   *
   * @throws io.pgforce.emulator.errors.SalesforceException 404 {@code NOT_FOUND} when the object or
   *     field is unknown or the field is not an external id (or unique) field
   */
  public List<SaveResult> upsert(
      String objectName, String externalIdField, List<RecordInput> records, DmlOptions options) {
    FieldDefinition field = requireExternalIdField(objectName, externalIdField);
    return store.write(
        () -> {
          Map<Integer, ApiError> repeated = repeatedValues(field, records);
          return run(
              indexed(records),
              options,
              (tx, r) -> upsertOne(tx, field, r.getValue(), repeated.get(r.getKey())));
        });
  }

  /** The ids of live records of {@code objectName} whose external id field holds {@code raw}. */
  public List<String> matchExternalId(String objectName, String externalIdField, Object raw) {
    FieldDefinition field = requireExternalIdField(objectName, externalIdField);
    try {
      Object value = FieldValues.coerce(field, raw);
      return store.read(() -> store.table(objectName).idsWithValue(field, value));
    } catch (RecordRejected rejected) {
      throw new SalesforceException(400, rejected.errors());
    }
  }

  /**
   * The external id (or unique) field {@code fieldName} of {@code objectName}.
   *
   * @throws io.pgforce.emulator.errors.SalesforceException 404 {@code NOT_FOUND} otherwise
   */
  public FieldDefinition requireExternalIdField(String objectName, String fieldName) {
    SObjectDefinition type = store.schema().find(objectName).orElseThrow(Errors::notFound);
    return type.field(fieldName)
        .filter(FieldDefinition::indexed)
        .orElseThrow(() -> Errors.externalIdFieldNotFound(fieldName));
  }

  private SaveResult upsertOne(
      Transaction tx, FieldDefinition field, RecordInput input, ApiError repeated) {
    if (repeated != null) {
      throw new RecordRejected(repeated);
    }
    Object value = FieldValues.coerce(field, rawValue(field, input));
    ObjectTable table = store.table(input.objectName());
    List<String> matches = table.idsWithValue(field, value);
    if (matches.size() > 1) {
      throw new RecordRejected(
          ApiError.of(
              "DUPLICATE_EXTERNAL_ID",
              field.label() + ": more than one record found for external id field: " + matches));
    }
    if (matches.isEmpty()) {
      return SaveResult.upserted(writes.create(tx, input).id(), true);
    }
    StoredRecord current = table.get(matches.get(0)).orElseThrow();
    return SaveResult.upserted(writes.update(tx, table, current, input.fields()).id(), false);
  }

  private static Object rawValue(FieldDefinition field, RecordInput input) {
    return input.fields().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(field.name()) && e.getValue() != null)
        .map(Map.Entry::getValue)
        .filter(v -> !(v instanceof String s && s.isEmpty()))
        .findFirst()
        .orElseThrow(
            () ->
                new RecordRejected(
                    ApiError.of("MISSING_ARGUMENT", field.name() + " not specified")));
  }

  /** Records of one call that repeat an external id value both fail, as in Salesforce. */
  private static Map<Integer, ApiError> repeatedValues(
      FieldDefinition field, List<RecordInput> records) {
    Map<String, List<Integer>> positions = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      Object raw =
          records.get(i).fields().entrySet().stream()
              .filter(e -> e.getKey().equalsIgnoreCase(field.name()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
      if (raw != null) {
        String key = field.caseSensitive() ? raw.toString() : raw.toString().toLowerCase();
        positions.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, ApiError> repeated = new HashMap<>();
    positions.forEach(
        (value, at) -> {
          if (at.size() > 1) {
            ApiError error =
                ApiError.of("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + value);
            at.forEach(i -> repeated.put(i, error));
          }
        });
    return repeated;
  }

  private static List<Map.Entry<Integer, RecordInput>> indexed(List<RecordInput> records) {
    List<Map.Entry<Integer, RecordInput>> result = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      result.add(Map.entry(i, records.get(i)));
    }
    return result;
  }

  private <T> List<SaveResult> run(
      List<T> inputs, DmlOptions options, BiFunction<Transaction, T, SaveResult> operation) {
    return store.write(
        () -> {
          Transaction tx = new Transaction(store.now(), options);
          List<SaveResult> results = new ArrayList<>(inputs.size());
          for (T input : inputs) {
            results.add(attempt(tx, input, operation));
          }
          if (options.allOrNone() && results.stream().anyMatch(r -> !r.success())) {
            tx.rollback();
            return results.stream()
                .map(r -> r.success() ? SaveResult.failed(Errors.ROLLED_BACK) : r)
                .toList();
          }
          store.publish(tx.events());
          return results;
        });
  }

  private static <T> SaveResult attempt(
      Transaction tx, T input, BiFunction<Transaction, T, SaveResult> operation) {
    try {
      return operation.apply(tx, input);
    } catch (RecordRejected rejected) {
      return SaveResult.failed(rejected.errors());
    }
  }
}
