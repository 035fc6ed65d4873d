package io.pgforce.salesforce.error;

/** What {@link ErrorClassifier} concluded about a failure. */
public enum Verdict {
  /** Retrying cannot help: bad input, a refused login, a missing record. */
  FATAL,
  /** The request was not applied (the server said so), so even a create may be sent again. */
  RETRY,
  /**
   * The request may or may not have been applied (the answer was lost), so only a request that can
   * safely run twice is sent again.
   */
  RETRY_IF_IDEMPOTENT,
  /** An org-wide request limit is exhausted: retry, but only after a long pause. */
  RETRY_AFTER_LONG_BACKOFF;

  /** Whether a later attempt may succeed. */
  public boolean retriable() {
    return this != FATAL;
  }

  /** Whether the client may send the request again by itself. */
  public boolean allowsRetryOf(boolean idempotentRequest) {
    return this == RETRY_IF_IDEMPOTENT ? idempotentRequest : retriable();
  }
}
