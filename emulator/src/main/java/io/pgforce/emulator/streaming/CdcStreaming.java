package io.pgforce.emulator.streaming;

import io.pgforce.emulator.store.OrgStore;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;

/**
 * Change Data Capture for one org: listens to the store, keeps events for replay and serves them
 * over CometD. What the {@code Emulator} exposes of streaming goes through here: which objects
 * publish, how long events are kept, and the streaming faults.
 */
public final class CdcStreaming implements AutoCloseable {

  private final OrgStore store;
  private final CdcSelection selection = new CdcSelection();
  private final EventDispatcher dispatcher;
  private final ChangeEventPublisher publisher;
  private final CometdEndpoint endpoint;
  private final StreamingFaults faults;

  /**
   * Starts listening to {@code store}'s changes.
   *
   * @param apiVersion the API version {@code changeOrigin} names
   * @param auth checks the access tokens CometD clients present
   */
  public CdcStreaming(OrgStore store, String apiVersion, StreamingAuth auth) {
    this.store = store;
    this.dispatcher = new EventDispatcher(new EventLog(store.clock(), EventRetention.defaults()));
    this.publisher =
        new ChangeEventPublisher(
            new ChangeEventBodies(store.schema(), apiVersion),
            new EventSchemas(store.schema()),
            dispatcher,
            selection);
    this.endpoint = new CometdEndpoint(store.schema(), dispatcher, auth);
    this.faults = new StreamingFaults(publisher, endpoint, store);
    store.addChangeListener(publisher);
  }

  /** Mounts the Bayeux endpoint at {@code /cometd/*}. */
  public void mount(ServletContextHandler context) {
    endpoint.mount(context);
  }

  /** Which objects publish change events (every object unless narrowed). */
  public CdcSelection selection() {
    return selection;
  }

  /** Publishes change events for these objects only. */
  public void publishOnly(Collection<String> objectNames) {
    objectNames.forEach(this::requireObject);
    selection.selectOnly(objectNames);
  }

  public StreamingFaults faults() {
    return faults;
  }

  public EventRetention retention() {
    return dispatcher.log().retention();
  }

  /** Changes how long events stay available for replay; applies to retained events at once. */
  public void retention(EventRetention retention) {
    dispatcher.log().retention(retention);
  }

  /** Changes past this many in one transaction become GAP_OVERFLOW events (default 100,000). */
  public void overflowThreshold(int changes) {
    publisher.overflowThreshold(changes);
  }

  /** The replayId of the newest event published so far (0 before the first). */
  public long lastReplayId() {
    return dispatcher.drained().thenApply(done -> dispatcher.log().lastReplayId()).join();
  }

  /** How many events are retained for replay now. */
  public int retainedEvents() {
    return dispatcher.drained().thenApply(done -> dispatcher.log().size()).join();
  }

  /** The retained events after {@code replayId}, once everything published so far is retained. */
  List<RetainedEvent> retainedAfter(long replayId) {
    return dispatcher
        .drained()
        .thenApply(done -> dispatcher.log().after(replayId, e -> true))
        .join();
  }

  /**
   * Subscribers of {@code channel} now (a channel such as {@code /data/AccountChangeEvent}). A
   * client counts once its subscription is in place on the server, so every change made after this
   * returns a positive number reaches it: what a test waits for before making changes a subscriber
   * must see.
   */
  public long subscribers(String channel) {
    return dispatcher.subscribers(channel).join();
  }

  /** Clients connected to the Bayeux endpoint. */
  public int connectedClients() {
    return endpoint.connectedClients();
  }

  /**
   * Back to a fresh org's streaming: no retained events (replayIds keep increasing), no faults, and
   * every object selected. Connected clients stay connected.
   */
  public void reset() {
    faults.clear();
    selection.selectAll();
    dispatcher.drained().thenRun(dispatcher.log()::clear).join();
  }

  private void requireObject(String objectName) {
    if (store.schema().find(objectName).isEmpty()) {
      throw new IllegalArgumentException("No object named " + objectName);
    }
  }

  @Override
  public void close() {
    store.removeChangeListener(publisher);
    dispatcher.close();
  }
}
