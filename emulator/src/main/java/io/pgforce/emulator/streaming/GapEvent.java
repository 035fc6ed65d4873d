package io.pgforce.emulator.streaming;

import java.time.Instant;
import java.util.List;

/**
 * A gap or overflow notice: Salesforce sends one instead of a change event it could not build
 * ({@code GAP_CREATE}, {@code GAP_UPDATE}, {@code GAP_DELETE}, {@code GAP_UNDELETE}) or for the
 * changes of one object beyond the overflow threshold of a transaction ({@code GAP_OVERFLOW}, with
 * no record ids).
 *
 * @param objectName the object concerned
 * @param changeType one of the {@code GAP_*} change types
 * @param recordIds the records to re-read (empty for an overflow)
 * @param transactionKey the transaction the gap belongs to
 * @param commitTimestamp when that transaction committed
 * @param userId the user who made the change
 */
record GapEvent(
    String objectName,
    String changeType,
    List<String> recordIds,
    String transactionKey,
    Instant commitTimestamp,
    String userId) {

  static final String OVERFLOW = "GAP_OVERFLOW";

  GapEvent {
    recordIds = List.copyOf(recordIds);
  }
}
