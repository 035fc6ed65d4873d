package io.pgforce.emulator.streaming;

import io.pgforce.emulator.store.OrgStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Faults of the streaming side, to test how a subscriber copes: dropped connections, late events,
 * and gap or overflow events in place of change events. Reset by {@link #clear()} (and the org's
 * reset).
 */
public final class StreamingFaults {

  private static final Set<String> GAP_TYPES =
      Set.of("GAP_CREATE", "GAP_UPDATE", "GAP_DELETE", "GAP_UNDELETE", GapEvent.OVERFLOW);

  private final ChangeEventPublisher publisher;
  private final CometdEndpoint endpoint;
  private final OrgStore store;

  StreamingFaults(ChangeEventPublisher publisher, CometdEndpoint endpoint, OrgStore store) {
    this.publisher = publisher;
    this.endpoint = endpoint;
    this.store = store;
  }

  /**
   * Drops every streaming client: its held {@code /meta/connect} ends and the next one is told
   * {@code 403::Unknown client}, so it must handshake and subscribe again (with a replayId, to
   * receive what it missed).
   */
  public void dropConnections() {
    endpoint.dropConnections();
  }

  /** Holds every change event back by {@code delay} before delivery (zero to stop). */
  public void delayEvents(Duration delay) {
    publisher.delay(delay.toMillis());
  }

  public Duration eventDelay() {
    return Duration.ofMillis(publisher.delayMillis());
  }

  /**
   * The next {@code changes} committed changes of {@code objectName} are published as {@code
   * GAP_CREATE}, {@code GAP_UPDATE}, {@code GAP_DELETE} or {@code GAP_UNDELETE} events (header
   * only, record ids kept), as Salesforce does when it cannot build a change event.
   */
  public void gapsFor(String objectName, int changes) {
    requireObject(objectName);
    if (changes < 1) {
      throw new IllegalArgumentException("changes must be at least 1, got " + changes);
    }
    publisher.convertToGaps(objectName, changes);
  }

  /**
   * Publishes one gap event for {@code objectName} now: {@code changeType} is a {@code GAP_*} type
   * or {@code GAP_OVERFLOW} (whose record ids are usually empty).
   */
  public void emitGap(String objectName, String changeType, List<String> recordIds) {
    String name = requireObject(objectName);
    if (!GAP_TYPES.contains(changeType)) {
      throw new IllegalArgumentException(
          "changeType must be one of " + GAP_TYPES + ", got " + changeType);
    }
    publisher.publishGap(
        new GapEvent(
            name,
            changeType,
            recordIds,
            UUID.randomUUID().toString(),
            store.now(),
            store.identity().userId()));
  }

  /** Stops delaying and forgets pending gap conversions. */
  public void clear() {
    publisher.clearFaults();
  }

  private String requireObject(String objectName) {
    return store
        .schema()
        .find(objectName)
        .orElseThrow(() -> new IllegalArgumentException("No object named " + objectName))
        .name();
  }
}
