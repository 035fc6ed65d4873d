package io.pgforce.emulator.streaming;

/**
 * Where the dispatcher sends events: a CometD client session, or a recorder in tests. Called on the
 * dispatcher thread only, so it must hand the event over and return.
 */
interface Subscriber {

  /** Sends {@code event} on {@code channel} (the channel the subscriber subscribed to). */
  void deliver(String channel, RetainedEvent event);
}
