package io.pgforce.salesforce.rest;

import java.time.Instant;
import java.util.List;

/**
 * The answer of getDeleted.
 *
 * @param earliestDateAvailable the oldest deletion Salesforce still remembers (about 15 days)
 * @param latestDateCovered the end of the window Salesforce actually covered
 */
public record DeletedRecords(
    List<DeletedRecord> records, Instant earliestDateAvailable, Instant latestDateCovered) {

  public DeletedRecords {
    records = List.copyOf(records);
  }

  /** One deleted record. */
  public record DeletedRecord(String id, Instant deletedDate) {}
}
