package io.pgforce.engine.sync;

import static org.awaitility.Awaitility.await;

import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.streaming.ChangeEvent;
import io.pgforce.salesforce.streaming.ChangeEventHeader;
import io.pgforce.salesforce.streaming.ChangeEventListener;
import io.pgforce.salesforce.streaming.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscriber of its own that replays every event the org retained on a channel: what the engine
 * was sent, so a test can show that a change really came as a gap, an overflow or an echo.
 */
final class EventTap implements ChangeEventListener, AutoCloseable {

  private static final long REPLAY_ALL = -2;

  private final List<ChangeEventHeader> headers = new CopyOnWriteArrayList<>();
  private final Subscription subscription;

  EventTap(SalesforceClient salesforce, String channel) {
    this.subscription = salesforce.streaming().subscribe(channel, REPLAY_ALL, this);
  }

  @Override
  public void onEvent(ChangeEvent event) {
    headers.add(event.header());
  }

  /** The headers of the first {@code count} events, once that many have arrived. */
  List<ChangeEventHeader> first(int count) {
    await().atMost(SyncHarness.DEADLINE).until(() -> headers.size() >= count);
    return List.copyOf(headers.subList(0, count));
  }

  @Override
  public void close() {
    subscription.close();
  }
}
