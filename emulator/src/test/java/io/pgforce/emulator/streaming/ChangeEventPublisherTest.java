package io.pgforce.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeEventPublisherTest {

  private final MutableClock clock = MutableClock.at("2024-03-01T10:00:00Z");
  private final CdcSelection selection = new CdcSelection();
  private OrgStore store;
  private EventDispatcher dispatcher;
  private ChangeEventPublisher publisher;
  private DmlOptions options;

  @BeforeEach
  void setUp() {
    store = TestOrgs.store(clock);
    dispatcher = new EventDispatcher(new EventLog(clock, EventRetention.defaults()));
    publisher =
        new ChangeEventPublisher(
            new ChangeEventBodies(store.schema(), "60.0"),
            new EventSchemas(store.schema()),
            dispatcher,
            selection);
    store.addChangeListener(publisher);
    options = DmlOptions.asUser(store.identity().userId());
  }

  @AfterEach
  void tearDown() {
    dispatcher.close();
  }

  @Test
  void deliversEachChangeOnTheAllChannelAndItsObjectChannelWithOneReplayId() {
    RecordingSubscriber all = subscribe(CdcChannels.ALL, EventLog.NEW_ONLY);
    RecordingSubscriber accounts = subscribe("/data/AccountChangeEvent", EventLog.NEW_ONLY);
    createAccounts(1);
    create("Contact", Map.of("LastName", "Smith"));
    dispatcher.drained().join();

    assertThat(all.replayIds()).containsExactly(1L, 2L);
    assertThat(all.deliveries()).allMatch(d -> d.channel().equals(CdcChannels.ALL));
    assertThat(accounts.replayIds()).containsExactly(1L);
    assertThat(accounts.deliveries().get(0).channel()).isEqualTo("/data/AccountChangeEvent");
  }

  @Test
  void numbersTheChangesOfOneTransaction() {
    RecordingSubscriber all = subscribe(CdcChannels.ALL, EventLog.NEW_ONLY);
    createAccounts(3);
    dispatcher.drained().join();

    assertThat(all.deliveries())
        .extracting(d -> d.header().get("sequenceNumber").asInt())
        .containsExactly(1, 2, 3);
    assertThat(all.deliveries())
        .extracting(d -> d.header().get("isTransactionEnd").asBoolean())
        .containsExactly(false, false, true);
    assertThat(all.deliveries())
        .extracting(d -> d.header().get("transactionKey").asText())
        .containsOnly(all.deliveries().get(0).header().get("transactionKey").asText());
    assertThat(all.deliveries().get(0).event().schema()).hasSize(22);
  }

  @Test
  void objectsOutsideTheSelectionDoNotPublish() {
    selection.selectOnly(List.of("Contact"));
    RecordingSubscriber all = subscribe(CdcChannels.ALL, EventLog.NEW_ONLY);
    createAccounts(2);
    create("Contact", Map.of("LastName", "Smith"));
    dispatcher.drained().join();

    assertThat(all.deliveries()).hasSize(1);
    assertThat(all.deliveries().get(0).header().get("entityName").asText()).isEqualTo("Contact");
  }

  @Test
  void changesBeyondTheOverflowThresholdBecomeOneOverflowEventPerObject() {
    publisher.overflowThreshold(2);
    RecordingSubscriber all = subscribe(CdcChannels.ALL, EventLog.NEW_ONLY);
    createAccounts(5);
    dispatcher.drained().join();

    assertThat(all.changeTypes()).containsExactly("CREATE", "CREATE", "GAP_OVERFLOW");
    assertThat(all.deliveries().get(2).header().get("recordIds")).isEmpty();
    assertThat(all.deliveries().get(2).header().get("entityName").asText()).isEqualTo("Account");
  }

  @Test
  void convertedChangesArriveAsGapEventsWithTheirRecordIds() {
    publisher.convertToGaps("account", 1);
    RecordingSubscriber all = subscribe(CdcChannels.ALL, EventLog.NEW_ONLY);
    List<String> ids = createAccounts(2);
    dispatcher.drained().join();

    assertThat(all.changeTypes()).containsExactly("GAP_CREATE", "CREATE");
    assertThat(all.deliveries().get(0).header().get("recordIds").get(0).asText())
        .isEqualTo(ids.get(0));
    assertThat(all.deliveries().get(0).payload().size()).isEqualTo(1);
  }

  @Test
  void aSubscriberResumingFromAReplayIdGetsExactlyTheLaterEventsThenLiveOnes() {
    createAccounts(3);
    RecordingSubscriber late = subscribe("/data/AccountChangeEvent", 1);
    RecordingSubscriber everything = subscribe(CdcChannels.ALL, EventLog.REPLAY_ALL);
    createAccounts(1);
    dispatcher.drained().join();

    assertThat(late.replayIds()).containsExactly(2L, 3L, 4L);
    assertThat(everything.replayIds()).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void anExplicitGapEventIsPublishedOnItsObjectChannel() {
    RecordingSubscriber contacts = subscribe("/data/ContactChangeEvent", EventLog.NEW_ONLY);
    publisher.publishGap(
        new GapEvent("Contact", "GAP_UPDATE", List.of("003x"), "k", clock.instant(), "005x"));
    dispatcher.drained().join();

    assertThat(contacts.changeTypes()).containsExactly("GAP_UPDATE");
  }

  private RecordingSubscriber subscribe(String channel, long replayFrom) {
    RecordingSubscriber subscriber = new RecordingSubscriber();
    dispatcher.subscribe(subscriber, channel, replayFrom).join();
    return subscriber;
  }

  private List<String> createAccounts(int count) {
    List<RecordInput> inputs =
        IntStream.range(0, count)
            .mapToObj(i -> RecordInput.of("Account", Map.of("Name", "A" + i)))
            .toList();
    return store.dml().create(inputs, options).stream().map(r -> r.id().orElseThrow()).toList();
  }

  private void create(String object, Map<String, Object> fields) {
    store.dml().create(List.of(RecordInput.of(object, fields)), options);
  }
}
