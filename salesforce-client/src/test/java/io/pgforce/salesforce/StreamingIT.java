package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pgforce.salesforce.streaming.ChangeEvent;
import io.pgforce.salesforce.streaming.ChangeEventListener;
import io.pgforce.salesforce.streaming.ChangeType;
import io.pgforce.salesforce.streaming.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Change Data Capture over CometD against the emulator. */
class StreamingIT {

  private static final String CHANNEL = "/data/AccountChangeEvent";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension static final EmulatorOrg org = new EmulatorOrg();

  private final SalesforceClient salesforce = org.client();
  private final List<Subscription> subscriptions = new ArrayList<>();

  @AfterEach
  void closeSubscriptions() {
    subscriptions.forEach(Subscription::close);
    org.emulator().streamingFaults().clear();
  }

  /** Records every event and connection change. */
  static final class Recorder implements ChangeEventListener {
    final List<ChangeEvent> events = new CopyOnWriteArrayList<>();
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger disconnected = new AtomicInteger();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ChangeEvent event) {
      events.add(event);
    }

    @Override
    public void onConnected() {
      connected.incrementAndGet();
    }

    @Override
    public void onDisconnected(Throwable cause) {
      disconnected.incrementAndGet();
    }

    @Override
    public void onError(Throwable error) {
      errors.add(error);
    }

    List<String> recordIds() {
      return events.stream().flatMap(e -> e.header().recordIds().stream()).toList();
    }
  }

  private Subscription subscribe(long replayFrom, Recorder recorder) throws InterruptedException {
    Subscription subscription = salesforce.streaming().subscribe(CHANNEL, replayFrom, recorder);
    subscriptions.add(subscription);
    assertThat(subscription.awaitConnected(WAIT)).isTrue();
    return subscription;
  }

  private List<String> createAccounts(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(salesforce.create("Account", Map.of("Name", prefix + " " + i)));
    }
    return ids;
  }

  @Test
  void receivesTypedCreateUpdateAndDeleteEvents() throws Exception {
    Recorder recorder = new Recorder();
    Subscription subscription = subscribe(-1, recorder);

    String id = salesforce.create("Account", Map.of("Name", "Acme", "Phone", "555-0100"));
    salesforce.update("Account", id, Map.of("Name", "Acme Renamed"));
    salesforce.delete("Account", id);

    await().atMost(WAIT).until(() -> recorder.events.size() >= 3);
    List<ChangeEvent> events = recorder.events;
    assertThat(events).hasSize(3);
    assertThat(events)
        .extracting(e -> e.header().changeType())
        .containsExactly(ChangeType.CREATE, ChangeType.UPDATE, ChangeType.DELETE);
    assertThat(events).allSatisfy(e -> assertThat(e.header().recordIds()).containsExactly(id));
    assertThat(events).allSatisfy(e -> assertThat(e.header().entityName()).isEqualTo("Account"));
    assertThat(events).allSatisfy(e -> assertThat(e.channel()).isEqualTo(CHANNEL));
    assertThat(events.get(0).fields().path("Name").asText()).isEqualTo("Acme");
    assertThat(events.get(0).fields().path("Phone").asText()).isEqualTo("555-0100");
    assertThat(events.get(1).header().changedFields()).contains("Name").doesNotContain("Phone");
    assertThat(events.get(1).fields().path("Name").asText()).isEqualTo("Acme Renamed");
    assertThat(events.get(1).fields().has("Phone")).isFalse();
    assertThat(events.get(0).replayId())
        .isLessThan(events.get(1).replayId())
        .isLessThan(events.get(2).replayId());
    assertThat(subscription.lastReplayId()).isEqualTo(events.get(2).replayId());
    assertThat(recorder.errors).isEmpty();
  }

  @Test
  void resubscribingFromASavedReplayIdDeliversExactlyTheMissedEvents() throws Exception {
    Recorder first = new Recorder();
    Subscription subscription = subscribe(-1, first);
    String before = createAccounts("Before", 1).get(0);
    await().atMost(WAIT).until(() -> first.events.size() == 1);
    long saved = subscription.lastReplayId();
    assertThat(saved).isEqualTo(first.events.get(0).replayId());
    subscription.close();
    await().atMost(WAIT).until(subscription::isClosed);

    List<String> missed = createAccounts("Missed", 3);
    Recorder second = new Recorder();
    subscribe(saved, second);
    String after = createAccounts("After", 1).get(0);

    await().atMost(WAIT).until(() -> second.recordIds().contains(after));
    List<String> expected = new ArrayList<>(missed);
    expected.add(after);
    assertThat(second.recordIds()).containsExactlyElementsOf(expected).doesNotContain(before);
    assertThat(first.recordIds()).containsExactly(before);
  }

  @Test
  void droppedConnectionsAreReHandshakenWithoutLosingOrDoublingEvents() throws Exception {
    Recorder recorder = new Recorder();
    subscribe(-1, recorder);
    List<String> created = new ArrayList<>(createAccounts("Before drop", 10));
    await().atMost(WAIT).until(() -> recorder.events.size() == 10);

    org.emulator().streamingFaults().dropConnections();
    created.addAll(createAccounts("Around drop", 10));
    await().atMost(WAIT).until(() -> recorder.disconnected.get() >= 1);
    created.addAll(createAccounts("After drop", 10));

    await().atMost(WAIT).until(() -> recorder.recordIds().containsAll(created));
    String marker = createAccounts("Marker", 1).get(0);
    await().atMost(WAIT).until(() -> recorder.recordIds().contains(marker));
    created.add(marker);
    // Every event exactly once. Order across the reconnect is not asserted: events made during the
    // drop have been seen to arrive after later ones (a known issue, noted on issue 5); the engine
    // never applies an older change over a newer row, so it tolerates that.
    assertThat(recorder.recordIds())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(created);
    assertThat(recorder.connected.get()).isGreaterThanOrEqualTo(2);
    assertThat(recorder.errors).isEmpty();
  }

  @Test
  void anExpiredSessionIsRenewedAndEventsKeepComing() throws Exception {
    Recorder recorder = new Recorder();
    Subscription subscription = subscribe(-1, recorder);
    String first = createAccounts("Before expiry", 1).get(0);
    await().atMost(WAIT).until(() -> recorder.recordIds().contains(first));

    long loginsBefore = org.calls("POST /services/oauth2/token");
    org.emulator().expireSessions();
    String second = createAccounts("After expiry", 1).get(0);
    await().atMost(WAIT).until(() -> recorder.recordIds().contains(second));
    await().atMost(WAIT).until(() -> recorder.connected.get() >= 2);
    String third = createAccounts("After renewal", 1).get(0);

    await().atMost(WAIT).until(() -> recorder.recordIds().contains(third));
    assertThat(recorder.recordIds()).containsExactly(first, second, third);
    assertThat(org.calls("POST /services/oauth2/token")).isGreaterThan(loginsBefore);
    assertThat(recorder.disconnected.get()).isGreaterThanOrEqualTo(1);
    assertThat(subscription.isClosed()).isFalse();
    assertThat(recorder.errors).isEmpty();
  }
}
