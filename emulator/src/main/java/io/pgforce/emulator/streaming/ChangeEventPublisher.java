package io.pgforce.emulator.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pgforce.emulator.store.ChangeEvent;
import io.pgforce.emulator.store.ChangeListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns committed changes into change events. As a {@link ChangeListener} it runs under the store's
 * write lock, so it only collects a transaction's changes and, at the transaction's end, hands them
 * to the dispatcher: the JSON is built on the dispatcher thread, keeping writes fast.
 *
 * <p>It also applies what Salesforce does to a transaction's events before publishing: only
 * selected objects publish; beyond the overflow threshold (100,000 changes in one transaction) the
 * remaining changes of each object become one {@code GAP_OVERFLOW}; and, as a fault, the next
 * changes of an object can be turned into {@code GAP_*} events.
 */
public final class ChangeEventPublisher implements ChangeListener {

  /** Salesforce's limit of change events for one transaction. */
  public static final int DEFAULT_OVERFLOW_THRESHOLD = 100_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChangeEventBodies bodies;
  private final EventSchemas schemas;
  private final EventDispatcher dispatcher;
  private final CdcSelection selection;
  private final Map<String, AtomicInteger> gapConversions = new ConcurrentHashMap<>();
  private List<ChangeEvent> transaction = new ArrayList<>();
  private volatile long delayNanos;
  private volatile int overflowThreshold = DEFAULT_OVERFLOW_THRESHOLD;
  private long commitNumber = 1_000_000;

  ChangeEventPublisher(
      ChangeEventBodies bodies,
      EventSchemas schemas,
      EventDispatcher dispatcher,
      CdcSelection selection) {
    this.bodies = bodies;
    this.schemas = schemas;
    this.dispatcher = dispatcher;
    this.selection = selection;
  }

  @Override
  public void onChange(ChangeEvent event) {
    if (selection.publishes(event.objectName())) {
      transaction.add(event);
    }
    if (event.transactionEnd() && !transaction.isEmpty()) {
      List<ChangeEvent> committed = transaction;
      transaction = new ArrayList<>();
      dispatcher.publish(System.nanoTime() + delayNanos, () -> drafts(committed));
    }
  }

  /** Publishes a gap event now, as the fault controls ask. */
  void publishGap(GapEvent gap) {
    dispatcher.publish(
        System.nanoTime() + delayNanos, () -> List.of(draft(gap.objectName(), gapPayload(gap))));
  }

  /** Holds every event back by {@code millis} before delivery (0 to stop). */
  void delay(long millis) {
    this.delayNanos = Math.max(0, millis) * 1_000_000;
  }

  long delayMillis() {
    return delayNanos / 1_000_000;
  }

  /** The next {@code times} changes of {@code objectName} are published as gap events. */
  void convertToGaps(String objectName, int times) {
    gapConversions.computeIfAbsent(lower(objectName), k -> new AtomicInteger()).addAndGet(times);
  }

  void overflowThreshold(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("overflow threshold must be at least 1, got " + value);
    }
    this.overflowThreshold = value;
  }

  /** Forgets the fault settings (delay and pending gap conversions); the threshold stays. */
  void clearFaults() {
    delayNanos = 0;
    gapConversions.clear();
  }

  /** Dispatcher thread: one transaction's events, by Salesforce's rules and the active faults. */
  private List<EventDraft> drafts(List<ChangeEvent> committed) {
    long number = ++commitNumber;
    int published = Math.min(committed.size(), overflowThreshold);
    List<EventDraft> drafts = new ArrayList<>(published + 1);
    for (ChangeEvent event : committed.subList(0, published)) {
      drafts.add(draft(event.objectName(), payloadOrGap(event, number)));
    }
    overflows(committed.subList(published, committed.size()), number).forEach(drafts::add);
    return drafts;
  }

  private Map<String, Object> payloadOrGap(ChangeEvent event, long number) {
    AtomicInteger gaps = gapConversions.get(lower(event.objectName()));
    if (gaps != null && gaps.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return bodies.gapPayload(gapOf(event, "GAP_" + event.type().name()), number);
    }
    return bodies.payload(event, number);
  }

  /** One GAP_OVERFLOW per object for the changes past the threshold. */
  private List<EventDraft> overflows(List<ChangeEvent> beyond, long number) {
    Map<String, ChangeEvent> firstByObject = new LinkedHashMap<>();
    beyond.forEach(e -> firstByObject.putIfAbsent(e.objectName(), e));
    List<EventDraft> drafts = new ArrayList<>();
    for (ChangeEvent first : firstByObject.values()) {
      GapEvent overflow =
          new GapEvent(
              first.objectName(),
              GapEvent.OVERFLOW,
              List.of(),
              first.transactionKey(),
              first.commitTimestamp(),
              first.userId());
      drafts.add(draft(first.objectName(), bodies.gapPayload(overflow, number)));
    }
    return drafts;
  }

  private Map<String, Object> gapPayload(GapEvent gap) {
    return bodies.gapPayload(gap, ++commitNumber);
  }

  private static GapEvent gapOf(ChangeEvent event, String type) {
    return new GapEvent(
        event.objectName(),
        type,
        List.of(event.recordId()),
        event.transactionKey(),
        event.commitTimestamp(),
        event.userId());
  }

  private EventDraft draft(String objectName, Map<String, Object> payload) {
    try {
      return new EventDraft(
          CdcChannels.of(objectName), schemas.idOf(objectName), JSON.writeValueAsString(payload));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Change event payload is not serializable", e);
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
