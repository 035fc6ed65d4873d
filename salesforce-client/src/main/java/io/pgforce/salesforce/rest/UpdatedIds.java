package io.pgforce.salesforce.rest;

import java.time.Instant;
import java.util.List;

/**
 * The answer of getUpdated: records whose SystemModstamp falls in the window.
 *
 * @param latestDateCovered the end of the window Salesforce actually covered; ask from here next
 */
public record UpdatedIds(List<String> ids, Instant latestDateCovered) {

  public UpdatedIds {
    ids = List.copyOf(ids);
  }
}
