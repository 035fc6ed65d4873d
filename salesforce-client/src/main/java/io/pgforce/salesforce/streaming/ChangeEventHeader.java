package io.pgforce.salesforce.streaming;

import java.time.Instant;
import java.util.List;

/**
 * The {@code ChangeEventHeader} of a change event.
 *
 * @param entityName the object, for example {@code Account}
 * @param recordIds the records the change applies to (one event can cover several)
 * @param changeOrigin who made the change; holds the {@code Sforce-Call-Options} client name, which
 *     lets pgforce recognise its own writes coming back
 * @param transactionKey the same for all events of one Salesforce transaction
 * @param sequenceNumber the event's position within its transaction
 * @param commitTimestamp when the transaction committed, epoch milliseconds
 * @param changedFields the fields an UPDATE changed
 * @param nulledFields the fields an UPDATE set to null
 * @param diffFields the long text fields sent as diffs
 */
public record ChangeEventHeader(
    String entityName,
    List<String> recordIds,
    ChangeType changeType,
    String changeOrigin,
    String transactionKey,
    int sequenceNumber,
    boolean isTransactionEnd,
    long commitTimestamp,
    long commitNumber,
    String commitUser,
    List<String> changedFields,
    List<String> nulledFields,
    List<String> diffFields) {

  public ChangeEventHeader {
    recordIds = List.copyOf(recordIds);
    changedFields = List.copyOf(changedFields);
    nulledFields = List.copyOf(nulledFields);
    diffFields = List.copyOf(diffFields);
  }

  public Instant commitTime() {
    return Instant.ofEpochMilli(commitTimestamp);
  }

  /** Whether {@code changeOrigin} names this client ({@code ...;client=<clientName>}). */
  public boolean originatedFrom(String clientName) {
    if (changeOrigin == null) {
      return false;
    }
    for (String part : changeOrigin.split(";")) {
      if (part.strip().equals("client=" + clientName)) {
        return true;
      }
    }
    return false;
  }
}
