package io.pgforce.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RestartingLoopTest {

  private static final Duration SHORT = Duration.ofMillis(20);
  private static final Duration LONG = Duration.ofMillis(80);

  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  @AfterEach
  void noThreadLeftRunning() throws InterruptedException {
    for (Thread t : threads) {
      t.join(5_000);
      assertThat(t.isAlive()).as("a supervisor still running after the test").isFalse();
    }
  }

  @Test
  void aLoopThatThrowsIsReplacedByAFreshOne() {
    AtomicInteger made = new AtomicInteger();
    Supplier<RestartingLoop.Loop> start =
        () ->
            made.incrementAndGet() == 1
                ? new Failing(new IllegalStateException("a bug"))
                : new RunsUntilStopped();
    RestartingLoop supervisor = new RestartingLoop("test loop", start, SHORT, LONG, clock());
    runInBackground(supervisor);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                supervisor.current() instanceof RunsUntilStopped loop
                    && loop.running.getCount() == 0);
    RunsUntilStopped second = (RunsUntilStopped) supervisor.current();
    assertThat(supervisor.restarts()).isEqualTo(1);

    supervisor.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> second.stopped);
  }

  @Test
  void anErrorAndAPlainReturnAreRestartedToo() {
    AtomicInteger made = new AtomicInteger();
    Supplier<RestartingLoop.Loop> start =
        () ->
            switch (made.incrementAndGet()) {
              case 1 -> new Failing(new OutOfMemoryError("Java heap space"));
              case 2 -> new Failing(null);
              default -> new RunsUntilStopped();
            };
    RestartingLoop supervisor = new RestartingLoop("test loop", start, SHORT, LONG, clock());
    runInBackground(supervisor);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> supervisor.current() instanceof RunsUntilStopped);
    assertThat(supervisor.restarts()).isEqualTo(2);
    supervisor.stop();
  }

  @Test
  void restartsWaitLongerEachTimeUpToTheLongestWait() throws InterruptedException {
    List<Long> startedAt = new CopyOnWriteArrayList<>();
    CountDownLatch fiveStarts = new CountDownLatch(5);
    Supplier<RestartingLoop.Loop> start =
        () -> {
          startedAt.add(System.nanoTime());
          fiveStarts.countDown();
          return fiveStarts.getCount() == 0 ? new RunsUntilStopped() : new Failing(null);
        };
    RestartingLoop supervisor = new RestartingLoop("test loop", start, SHORT, LONG, clock());
    runInBackground(supervisor);

    assertThat(fiveStarts.await(10, TimeUnit.SECONDS)).isTrue();
    supervisor.stop();
    List<Long> gapsMillis =
        List.of(1, 2, 3, 4).stream()
            .map(i -> (startedAt.get(i) - startedAt.get(i - 1)) / 1_000_000)
            .toList();
    // at least 20, 40, then 80 twice: doubled, and held at the longest wait
    assertThat(gapsMillis.get(0)).isGreaterThanOrEqualTo(20);
    assertThat(gapsMillis.get(1)).isGreaterThanOrEqualTo(40);
    assertThat(gapsMillis.get(2)).isGreaterThanOrEqualTo(80);
    assertThat(gapsMillis.get(3)).isGreaterThanOrEqualTo(80);
  }

  @Test
  void theWaitStartsOverAfterARunThatLasted() {
    RestartingLoop supervisor =
        new RestartingLoop("test loop", RunsUntilStopped::new, SHORT, LONG, clock());

    assertThat(supervisor.nextWait(null, Duration.ZERO)).isEqualTo(SHORT);
    assertThat(supervisor.nextWait(SHORT, Duration.ZERO)).isEqualTo(SHORT.multipliedBy(2));
    assertThat(supervisor.nextWait(Duration.ofMillis(60), Duration.ZERO)).isEqualTo(LONG);
    assertThat(supervisor.nextWait(LONG, LONG)).isEqualTo(LONG);
    assertThat(supervisor.nextWait(LONG, LONG.plusMillis(1))).isEqualTo(SHORT);
  }

  @Test
  void stopEndsTheWaitBeforeARestartAndStartsNoOtherLoop() {
    AtomicInteger made = new AtomicInteger();
    Supplier<RestartingLoop.Loop> start =
        () -> {
          made.incrementAndGet();
          return new Failing(new IllegalStateException("a bug"));
        };
    RestartingLoop supervisor =
        new RestartingLoop("test loop", start, Duration.ofHours(1), Duration.ofHours(2), clock());
    Thread t = runInBackground(supervisor);

    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.restarts() == 1);
    supervisor.stop();
    await().atMost(Duration.ofSeconds(10)).until(() -> !t.isAlive());
    assertThat(made.get()).isEqualTo(1);
  }

  @Test
  void aSupervisorStoppedBeforeItRunsStartsNothing() throws InterruptedException {
    AtomicInteger made = new AtomicInteger();
    RestartingLoop supervisor =
        new RestartingLoop(
            "test loop",
            () -> {
              made.incrementAndGet();
              return new RunsUntilStopped();
            },
            SHORT,
            LONG,
            clock());
    supervisor.stop();

    supervisor.run();

    assertThat(made.get()).isZero();
  }

  private Thread runInBackground(RestartingLoop supervisor) {
    Thread t =
        new Thread(
            () -> {
              try {
                supervisor.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "test-supervisor");
    t.setDaemon(true);
    threads.add(t);
    t.start();
    return t;
  }

  private static Clock clock() {
    return Clock.systemUTC();
  }

  /** A loop whose run throws {@code failure} at once, or returns when it is null. */
  private static final class Failing implements RestartingLoop.Loop {
    private final Throwable failure;

    Failing(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public void run() {
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
    }

    @Override
    public void stop() {}
  }

  /** A loop that runs until it is stopped, as a healthy writer does. */
  private static final class RunsUntilStopped implements RestartingLoop.Loop {
    final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    volatile boolean stopped;

    @Override
    public void run() {
      running.countDown();
      try {
        stop.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopped = true;
    }

    @Override
    public void stop() {
      stop.countDown();
    }
  }
}
