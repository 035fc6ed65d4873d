package io.pgforce.salesforce.bulk;

/**
 * The caller's page or row consumer failed; the cause is what it threw. Not a Salesforce failure,
 * so the client never retries it.
 */
public final class BulkConsumerException extends RuntimeException {

  BulkConsumerException(String jobId, Throwable cause) {
    super("the consumer of bulk job " + jobId + " failed: " + cause, cause);
  }
}
