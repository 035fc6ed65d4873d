package io.pgforce.emulator.streaming;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that builds, numbers, retains and delivers change events, and replays them to new
 * subscribers. Running all of it on one thread is what makes replay exact: a subscription is
 * registered in the same step that replays the log up to now, so no event can fall between the
 * replay and the live stream, nor arrive twice. Live events go out as soon as they are dispatched;
 * there is no batching delay.
 */
final class EventDispatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final EventLog log;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cdc-dispatcher");
            t.setDaemon(true);
            return t;
          });

  /** Dispatcher thread only. */
  private final Map<Subscriber, Set<String>> subscriptions = new HashMap<>();

  EventDispatcher(EventLog log) {
    this.log = log;
  }

  EventLog log() {
    return log;
  }

  /**
   * Numbers, retains and delivers the events {@code drafts} builds, not before {@code dueNanos}
   * ({@link System#nanoTime()}); the building happens on the dispatcher thread so the writer that
   * committed the change is not slowed by it.
   */
  void publish(long dueNanos, Supplier<List<EventDraft>> drafts) {
    run(
        () -> {
          waitUntil(dueNanos);
          for (EventDraft draft : drafts.get()) {
            deliver(log.append(draft.channel(), draft.schema(), draft.payloadJson()));
          }
        });
  }

  /**
   * Subscribes {@code subscriber} to {@code channel}, first delivering the retained events after
   * {@code replayFrom} ({@link EventLog#REPLAY_ALL}, {@link EventLog#NEW_ONLY} or a replayId the
   * caller checked with {@link EventLog#canReplayFrom}).
   */
  CompletableFuture<Void> subscribe(Subscriber subscriber, String channel, long replayFrom) {
    return run(
        () -> {
          for (RetainedEvent event : log.after(replayFrom, e -> matches(channel, e))) {
            subscriber.deliver(channel, event);
          }
          subscriptions.computeIfAbsent(subscriber, s -> new HashSet<>()).add(channel);
        });
  }

  void unsubscribe(Subscriber subscriber, String channel) {
    run(
        () -> {
          Set<String> channels = subscriptions.get(subscriber);
          if (channels != null && channels.remove(channel) && channels.isEmpty()) {
            subscriptions.remove(subscriber);
          }
        });
  }

  void remove(Subscriber subscriber) {
    run(() -> subscriptions.remove(subscriber));
  }

  /**
   * How many subscribers {@code channel} has, counted on the dispatcher thread: once positive,
   * every event published afterwards reaches them.
   */
  CompletableFuture<Long> subscribers(String channel) {
    return CompletableFuture.supplyAsync(
        () -> subscriptions.values().stream().filter(c -> c.contains(channel)).count(), thread);
  }

  /** Completes once every task submitted before it has run: a barrier for tests and shutdown. */
  CompletableFuture<Void> drained() {
    return run(() -> {});
  }

  private void deliver(RetainedEvent event) {
    subscriptions.forEach(
        (subscriber, channels) -> {
          if (channels.contains(CdcChannels.ALL)) {
            subscriber.deliver(CdcChannels.ALL, event);
          }
          if (channels.contains(event.channel())) {
            subscriber.deliver(event.channel(), event);
          }
        });
  }

  private static boolean matches(String channel, RetainedEvent event) {
    return channel.equals(CdcChannels.ALL) || channel.equals(event.channel());
  }

  private CompletableFuture<Void> run(Runnable task) {
    return CompletableFuture.runAsync(() -> guarded(task), thread);
  }

  /** A failure in one task (a bad subscriber, say) must not stop the dispatcher. */
  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("Change event dispatch failed", e);
    }
  }

  /** Holds delivery back while the "delay events" fault is on; order is kept. */
  private static void waitUntil(long dueNanos) {
    long wait;
    while ((wait = dueNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
