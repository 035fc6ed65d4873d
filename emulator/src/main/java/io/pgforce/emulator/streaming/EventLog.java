package io.pgforce.emulator.streaming;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The retained change events, oldest first, numbered without gaps: event {@code n} has replayId
 * {@code n}, so the event after a given replayId is found by arithmetic, not search. Events leave
 * by age and by count ({@link EventRetention}); the numbering never restarts, so a replayId saved
 * before a reset or an eviction is recognised as too old rather than silently meaning something
 * else.
 *
 * <p>Thread-safe: appended to by the dispatcher thread, read when subscriptions are checked.
 */
final class EventLog {

  /** Replay every retained event. */
  static final long REPLAY_ALL = -2;

  /** Only events published after subscribing. */
  static final long NEW_ONLY = -1;

  private final Clock clock;
  private final List<RetainedEvent> events = new ArrayList<>();
  private EventRetention retention;
  private int head;
  private long lastReplayId;

  EventLog(Clock clock, EventRetention retention) {
    this.clock = clock;
    this.retention = retention;
  }

  /** Numbers and keeps an event. */
  synchronized RetainedEvent append(String channel, String schema, String payloadJson) {
    RetainedEvent event =
        new RetainedEvent(++lastReplayId, channel, clock.instant(), schema, payloadJson);
    events.add(event);
    evict();
    return event;
  }

  /**
   * Whether a subscriber may resume after {@code replayId}: -1 and -2 always; a specific id only if
   * no event after it has been dropped and it is not in the future.
   */
  synchronized boolean canReplayFrom(long replayId) {
    if (replayId == NEW_ONLY || replayId == REPLAY_ALL) {
      return true;
    }
    evict();
    return replayId >= firstRetainedId() - 1 && replayId <= lastReplayId;
  }

  /**
   * The retained events after {@code replayId} ({@link #REPLAY_ALL} for all, {@link #NEW_ONLY} for
   * none) that {@code wanted} accepts, oldest first.
   */
  synchronized List<RetainedEvent> after(long replayId, Predicate<RetainedEvent> wanted) {
    if (replayId == NEW_ONLY) {
      return List.of();
    }
    evict();
    long from = replayId == REPLAY_ALL ? firstRetainedId() : Math.max(replayId + 1, firstId());
    List<RetainedEvent> result = new ArrayList<>();
    for (long id = from; id <= lastReplayId; id++) {
      RetainedEvent event = events.get(head + (int) (id - firstId()));
      if (wanted.test(event)) {
        result.add(event);
      }
    }
    return result;
  }

  synchronized long lastReplayId() {
    return lastReplayId;
  }

  synchronized int size() {
    return events.size() - head;
  }

  synchronized void retention(EventRetention value) {
    this.retention = value;
    evict();
  }

  synchronized EventRetention retention() {
    return retention;
  }

  /** Drops every event; numbering goes on from where it was. */
  synchronized void clear() {
    events.clear();
    head = 0;
  }

  private long firstRetainedId() {
    return size() == 0 ? lastReplayId + 1 : firstId();
  }

  /** The replayId of {@code events.get(head)}; valid when the log is not empty. */
  private long firstId() {
    return lastReplayId - size() + 1;
  }

  private void evict() {
    Instant oldestKept = clock.instant().minus(retention.maxAge());
    while (size() > retention.maxEvents()
        || (size() > 0 && events.get(head).publishedAt().isBefore(oldestKept))) {
      events.set(head++, null);
    }
    if (head > 1024 && head > events.size() / 2) {
      events.subList(0, head).clear();
      head = 0;
    }
  }
}
