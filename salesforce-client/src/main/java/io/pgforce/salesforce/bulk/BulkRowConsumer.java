package io.pgforce.salesforce.bulk;

/** Receives the parsed rows of a Bulk API 2.0 query, one at a time, in result order. */
@FunctionalInterface
public interface BulkRowConsumer {

  void accept(BulkRow row) throws Exception;
}
