package io.pgforce.salesforce.streaming;

import io.pgforce.salesforce.auth.Session;
import io.pgforce.salesforce.error.Backoff;
import io.pgforce.salesforce.error.ErrorClassifier;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.bayeux.client.ClientSessionChannel;
import org.cometd.client.BayeuxClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel subscription on its own Bayeux client. After every successful handshake (the first,
 * and each one CometD or a restart makes) it subscribes again from the last delivered replayId.
 * When Salesforce forgets the client, CometD handshakes again by itself; when the session expires
 * or the client stops, a new client is started after a backoff, logging in first if needed.
 */
final class CometdSubscription implements Subscription {

  static final Backoff RESTART_BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(2));

  private static final Logger log = LoggerFactory.getLogger(CometdSubscription.class);

  private final String channel;
  private final ChangeEventListener listener;
  private final ReplayPosition position;
  private final Supplier<Connection> connections;
  private final Session session;
  private final ScheduledExecutorService scheduler;
  private final Consumer<Subscription> onClose;
  private final Object lock = new Object();
  private volatile Connection connection;
  private volatile boolean subscribedOnServer;
  private boolean connected;
  private boolean closed;
  private int restarts;

  /** A Bayeux client and the transport whose token it sends. */
  record Connection(BayeuxClient client, SessionLongPollingTransport transport) {}

  CometdSubscription(
      String channel,
      ChangeEventListener listener,
      ReplayPosition position,
      Supplier<Connection> connections,
      Session session,
      ScheduledExecutorService scheduler,
      Consumer<Subscription> onClose) {
    this.channel = channel;
    this.listener = listener;
    this.position = position;
    this.connections = connections;
    this.session = session;
    this.scheduler = scheduler;
    this.onClose = onClose;
  }

  void start() {
    Connection fresh = connections.get();
    fresh.client().addExtension(new ReplayExtension(channel, position));
    listen(fresh);
    connection = fresh;
    fresh.client().handshake();
  }

  private void listen(Connection c) {
    c.client().getChannel(Channel.META_HANDSHAKE).addListener(metaListener(c, this::onHandshake));
    c.client().getChannel(Channel.META_SUBSCRIBE).addListener(metaListener(c, this::onSubscribe));
    c.client().getChannel(Channel.META_CONNECT).addListener(metaListener(c, this::onConnect));
  }

  /** Ignores messages of a client that was already replaced. */
  private ClientSessionChannel.MessageListener metaListener(
      Connection c, Consumer<Message> handler) {
    return (ch, message) -> {
      if (connection == c && !isClosed()) {
        handler.accept(message);
      }
    };
  }

  private void onHandshake(Message message) {
    subscribedOnServer = false;
    if (!message.isSuccessful()) {
      failed(message);
      return;
    }
    log.debug("Handshake done; subscribing to {} from replayId {}", channel, position.current());
    connection.client().getChannel(channel).subscribe(this::onEvent);
  }

  private void onSubscribe(Message message) {
    if (!channel.equals(message.get(Message.SUBSCRIPTION_FIELD))) {
      return;
    }
    if (message.isSuccessful()) {
      subscribedOnServer = true;
      markConnected();
    } else {
      failed(message);
    }
  }

  private void onConnect(Message message) {
    if (!message.isSuccessful()) {
      failed(message);
    } else if (subscribedOnServer) {
      markConnected(); // a retried connect on the same client keeps its subscription
    }
  }

  private void onEvent(ClientSessionChannel ch, Message message) {
    if (isClosed()) {
      return;
    }
    try {
      ChangeEvent event = ChangeEvents.fromData(message.getChannel(), message.getDataAsMap());
      listener.onEvent(event);
      position.delivered(event.replayId());
    } catch (Exception e) {
      log.error("Stopping the subscription to {}: an event could not be handled", channel, e);
      stop(e);
    }
  }

  private void failed(Message message) {
    Throwable cause = BayeuxErrors.cause(message);
    markDisconnected(cause);
    Recovery recovery = Recovery.of(message);
    log.warn("Streaming on {} failed ({}): {}", channel, recovery, cause.getMessage());
    switch (recovery) {
      case LEAVE_TO_COMETD -> {}
      case RESTART -> scheduleRestart(false);
      case REAUTHENTICATE -> scheduleRestart(true);
      case FATAL -> stop(cause);
    }
  }

  private void scheduleRestart(boolean renewSession) {
    Connection stale = connection;
    connection = null; // messages of the old client are ignored from now on
    stale.client().abort();
    scheduleRestartOf(stale, renewSession);
  }

  private void scheduleRestartOf(Connection stale, boolean renewSession) {
    long delay;
    synchronized (lock) {
      delay =
          RESTART_BACKOFF.delay(restarts++, ThreadLocalRandom.current().nextDouble()).toMillis();
    }
    scheduler.schedule(() -> restart(stale, renewSession), delay, TimeUnit.MILLISECONDS);
  }

  private void restart(Connection stale, boolean renewSession) {
    if (isClosed()) {
      return;
    }
    try {
      if (renewSession) {
        session.renew(stale.transport().lastSent());
      }
      start();
    } catch (RuntimeException e) {
      if (!ErrorClassifier.isRetriable(e)) {
        stop(e);
        return;
      }
      log.warn("Restarting the subscription to {} failed, will retry: {}", channel, e.getMessage());
      scheduleRestartOf(stale, renewSession);
    }
  }

  private void markConnected() {
    synchronized (lock) {
      if (connected || closed) {
        return;
      }
      connected = true;
      restarts = 0;
      lock.notifyAll();
    }
    log.info("Subscribed to {} from replayId {}", channel, position.current());
    listener.onConnected();
  }

  private void markDisconnected(Throwable cause) {
    synchronized (lock) {
      if (!connected) {
        return;
      }
      connected = false;
    }
    listener.onDisconnected(cause);
  }

  private void stop(Throwable error) {
    if (shutDown()) {
      listener.onError(error);
    }
  }

  /** Marks the subscription closed and disconnects; false when it already was. */
  private boolean shutDown() {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      closed = true;
      connected = false;
      lock.notifyAll();
    }
    Connection current = connection;
    if (current != null) {
      current.client().disconnect();
    }
    onClose.accept(this);
    return true;
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public long lastReplayId() {
    return position.current();
  }

  @Override
  public boolean isConnected() {
    synchronized (lock) {
      return connected;
    }
  }

  @Override
  public boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  @Override
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!connected && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return connected;
    }
  }

  @Override
  public void close() {
    shutDown();
  }
}
