package io.pgforce.salesforce.streaming;

/**
 * Receives a subscription's events and its connection changes. Calls come one at a time, in order,
 * on a streaming thread.
 */
public interface ChangeEventListener {

  /**
   * One event. When this returns, the event counts as delivered: a resubscription resumes after it.
   * When it throws, the subscription stops (and {@link #onError} says why), so that no later event
   * is delivered past one that was not handled.
   */
  void onEvent(ChangeEvent event) throws Exception;

  /** The subscription is established (again). */
  default void onConnected() {}

  /**
   * The connection was lost; the client is reconnecting and will resume after the last delivered
   * event. When the subscription started from -1 (new events only) and nothing was delivered yet,
   * changes made during the gap are not replayed: poll them.
   */
  default void onDisconnected(Throwable cause) {}

  /**
   * The subscription stopped for good: refused by Salesforce, a failed login, a listener failure.
   */
  default void onError(Throwable error) {}
}
