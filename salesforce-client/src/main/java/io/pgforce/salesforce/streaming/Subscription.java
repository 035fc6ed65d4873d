package io.pgforce.salesforce.streaming;

import java.time.Duration;

/** A running subscription to one channel. */
public interface Subscription extends AutoCloseable {

  String channel();

  /** The replayId of the last event delivered, or the replayFrom it started with. */
  long lastReplayId();

  /** Whether the subscription is established right now. */
  boolean isConnected();

  /** Waits until the subscription is established; false on timeout or when it stopped. */
  boolean awaitConnected(Duration timeout) throws InterruptedException;

  /** Whether the subscription stopped for good (closed, or a fatal error). */
  boolean isClosed();

  /** Unsubscribes and disconnects. */
  @Override
  void close();
}
