package io.pgforce.salesforce.streaming;

import io.pgforce.salesforce.SalesforceConfig;
import io.pgforce.salesforce.auth.SessionTransport;
import io.pgforce.salesforce.error.Backoff;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.cometd.client.BayeuxClient;
import org.cometd.client.transport.ClientTransport;
import org.cometd.common.JacksonJSONContextClient;

/**
 * Change Data Capture subscriptions over CometD ({@code /cometd/<version>}), sharing the client's
 * Jetty HTTP client and session.
 */
public final class Streaming implements AutoCloseable {

  /** CometD's reconnect backoff after a failed connect or handshake. */
  static final Backoff RECONNECT_BACKOFF =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

  /** Added to the server's 110 s long-poll timeout before CometD calls a connect lost. */
  private static final long MAX_NETWORK_DELAY_MS = 20_000;

  private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private final SessionTransport transport;
  private final SalesforceConfig config;
  private final ScheduledExecutorService scheduler;
  private final Set<Subscription> open = ConcurrentHashMap.newKeySet();

  public Streaming(SessionTransport transport, SalesforceConfig config) {
    this.transport = transport;
    this.config = config;
    this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads());
  }

  /**
   * Subscribes to a change-event channel and returns at once; {@link
   * ChangeEventListener#onConnected()} says when the subscription is established.
   *
   * @param channel {@code /data/ChangeEvents}, {@code /data/AccountChangeEvent}, {@code
   *     /data/Invoice__ChangeEvent}...
   * @param replayFrom {@code -1} for new events only, {@code -2} for all retained (72 h), or the
   *     replayId of the last event handled, to resume after it
   */
  public Subscription subscribe(String channel, long replayFrom, ChangeEventListener listener) {
    if (channel == null || !channel.matches("/data/[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("not a change-event channel (/data/...): " + channel);
    }
    ReplayPosition position = new ReplayPosition(replayFrom);
    CometdSubscription subscription =
        new CometdSubscription(
            channel,
            listener,
            position,
            this::newConnection,
            transport.session(),
            scheduler,
            open::remove);
    open.add(subscription);
    subscription.start();
    return subscription;
  }

  private CometdSubscription.Connection newConnection() {
    Map<String, Object> options = new HashMap<>();
    options.put(ClientTransport.JSON_CONTEXT_OPTION, new JacksonJSONContextClient());
    options.put(ClientTransport.MAX_NETWORK_DELAY_OPTION, MAX_NETWORK_DELAY_MS);
    options.put(ClientTransport.MAX_MESSAGE_SIZE_OPTION, MAX_MESSAGE_BYTES);
    SessionLongPollingTransport longPolling =
        new SessionLongPollingTransport(
            options, transport.http().jettyClient(), transport.session(), config.clientName());
    String url = transport.session().current().instanceUrl() + "/cometd/" + config.apiVersion();
    BayeuxClient client = new BayeuxClient(url, scheduler, longPolling);
    client.setBackOffStrategy(new ExponentialBackOff(RECONNECT_BACKOFF));
    return new CometdSubscription.Connection(client, longPolling);
  }

  /** Closes every subscription. */
  @Override
  public void close() {
    open.forEach(Subscription::close);
    scheduler.shutdownNow();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "pgforce-streaming-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
