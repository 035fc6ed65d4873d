package io.pgforce.salesforce.bulk;

import java.io.InputStream;

/**
 * Receives one results page of a Bulk API 2.0 query: the raw CSV exactly as Salesforce sends it,
 * header row included, streamed off the socket. Read it to the end (or not); do not keep it after
 * returning. A failure thrown here stops the query and reaches the caller as a {@link
 * BulkConsumerException}.
 */
@FunctionalInterface
public interface BulkPageConsumer {

  void accept(InputStream rawCsvPage) throws Exception;
}
