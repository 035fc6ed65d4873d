package io.pgforce.engine.inbound;

import java.time.Instant;
import java.util.List;

/**
 * One record's state as read from Salesforce, ready for its table.
 *
 * @param values the text of each synced column in {@link
 *     io.pgforce.engine.schema.TableDefinition#columns()} order, null for null; PostgreSQL parses
 *     each into its column's type
 */
public record InboundRow(
    String sfid, boolean deleted, Instant systemModstamp, List<String> values) {

  public InboundRow {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }
}
