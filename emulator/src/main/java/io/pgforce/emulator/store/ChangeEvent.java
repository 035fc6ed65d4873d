package io.pgforce.emulator.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One committed change to one record, with what Change Data Capture needs to report it.
 *
 * <p>Values are typed as {@link StoredRecord} holds them. For CREATE and UNDELETE, {@code
 * changedFields} and {@code newValues} hold every non-null stored field; for UPDATE, the fields
 * whose value changed (system fields such as LastModifiedDate and SystemModstamp included, a field
 * set to null appears with a null value); for DELETE, {@code oldValues} holds the record's last
 * non-null values and the others are empty. Maps keep field describe order and may hold null
 * values.
 *
 * @param type what happened
 * @param objectName the sObject's API name
 * @param recordId the canonical 18-character id
 * @param changedFields the API names of the fields concerned, in describe order
 * @param oldValues the values before the change (UPDATE and DELETE)
 * @param newValues the values after the change (CREATE, UPDATE, UNDELETE)
 * @param userId the id of the user who made the change
 * @param clientId the caller's {@code Sforce-Call-Options} client name, if it gave one
 * @param commitTimestamp when the transaction committed (second precision, as SystemModstamp)
 * @param transactionKey the same for every change of one DML call
 * @param sequenceNumber 1-based position of this change within its transaction
 * @param transactionEnd whether this is the transaction's last change
 */
public record ChangeEvent(
    ChangeType type,
    String objectName,
    String recordId,
    List<String> changedFields,
    Map<String, Object> oldValues,
    Map<String, Object> newValues,
    String userId,
    Optional<String> clientId,
    Instant commitTimestamp,
    String transactionKey,
    int sequenceNumber,
    boolean transactionEnd) {}
