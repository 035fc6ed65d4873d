package io.pgforce.salesforce.streaming;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a subscription resumes: the replayId of the last event its listener finished with, or the
 * caller's replayFrom ({@code -1} new events only, {@code -2} all retained) before the first one.
 * Advanced only after the listener returns, so an event the listener did not finish is sent again.
 */
final class ReplayPosition {

  static final long NEW_EVENTS_ONLY = -1;
  static final long ALL_RETAINED = -2;

  private final AtomicLong replayId;

  ReplayPosition(long replayFrom) {
    if (replayFrom < ALL_RETAINED) {
      throw new IllegalArgumentException(
          "replayFrom must be -1 (new events), -2 (all retained) or a saved replayId: "
              + replayFrom);
    }
    this.replayId = new AtomicLong(replayFrom);
  }

  long current() {
    return replayId.get();
  }

  void delivered(long eventReplayId) {
    replayId.set(eventReplayId);
  }
}
