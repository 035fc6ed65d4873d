package io.pgforce.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static final String ACCOUNTS = CdcChannels.of("Account");
  private static final String CONTACTS = CdcChannels.of("Contact");

  private final MutableClock clock = MutableClock.at("2024-03-01T10:00:00Z");

  @Test
  void numbersEventsFromOneWithoutGaps() {
    EventLog log = new EventLog(clock, EventRetention.defaults());
    assertThat(append(log, ACCOUNTS).replayId()).isEqualTo(1);
    assertThat(append(log, CONTACTS).replayId()).isEqualTo(2);
    assertThat(log.lastReplayId()).isEqualTo(2);
  }

  @Test
  void replaysAllNewOnlyOrAfterAnId() {
    EventLog log = new EventLog(clock, EventRetention.defaults());
    for (int i = 0; i < 5; i++) {
      append(log, i % 2 == 0 ? ACCOUNTS : CONTACTS);
    }
    assertThat(ids(log.after(EventLog.REPLAY_ALL, e -> true))).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(log.after(EventLog.NEW_ONLY, e -> true)).isEmpty();
    assertThat(ids(log.after(2, e -> true))).containsExactly(3L, 4L, 5L);
    assertThat(ids(log.after(0, e -> e.channel().equals(ACCOUNTS)))).containsExactly(1L, 3L, 5L);
    assertThat(log.after(5, e -> true)).isEmpty();
  }

  @Test
  void dropsTheOldestBeyondTheCountAndRefusesReplayIdsBeforeThem() {
    EventLog log = new EventLog(clock, new EventRetention(Duration.ofHours(72), 3));
    for (int i = 0; i < 5; i++) {
      append(log, ACCOUNTS);
    }
    assertThat(log.size()).isEqualTo(3);
    assertThat(ids(log.after(EventLog.REPLAY_ALL, e -> true))).containsExactly(3L, 4L, 5L);
    assertThat(log.canReplayFrom(2)).isTrue();
    assertThat(log.canReplayFrom(1)).isFalse();
    assertThat(log.canReplayFrom(6)).isFalse();
    assertThat(log.canReplayFrom(EventLog.REPLAY_ALL)).isTrue();
  }

  @Test
  void dropsEventsOlderThanTheRetentionAge() {
    EventLog log = new EventLog(clock, new EventRetention(Duration.ofHours(72), 100));
    append(log, ACCOUNTS);
    clock.advance(Duration.ofHours(48));
    append(log, ACCOUNTS);
    clock.advance(Duration.ofHours(25));

    assertThat(ids(log.after(EventLog.REPLAY_ALL, e -> true))).containsExactly(2L);
    assertThat(log.canReplayFrom(0)).isFalse();
    assertThat(log.canReplayFrom(1)).isTrue();
  }

  @Test
  void clearingKeepsTheNumberingSoOldIdsStayRecognisable() {
    EventLog log = new EventLog(clock, EventRetention.defaults());
    append(log, ACCOUNTS);
    append(log, ACCOUNTS);
    log.clear();

    assertThat(log.canReplayFrom(2)).isTrue();
    assertThat(log.canReplayFrom(1)).isFalse();
    assertThat(append(log, ACCOUNTS).replayId()).isEqualTo(3);
  }

  @Test
  void compactsItsStorageAfterManyEvictions() {
    EventLog log = new EventLog(clock, new EventRetention(Duration.ofHours(1), 10));
    for (int i = 0; i < 5_000; i++) {
      append(log, ACCOUNTS);
    }
    assertThat(ids(log.after(4_995, e -> true)))
        .containsExactly(4_996L, 4_997L, 4_998L, 4_999L, 5_000L);
    assertThat(log.size()).isEqualTo(10);
  }

  private static RetainedEvent append(EventLog log, String channel) {
    return log.append(channel, "schema", "{}");
  }

  private static List<Long> ids(List<RetainedEvent> events) {
    return events.stream().map(RetainedEvent::replayId).toList();
  }
}
