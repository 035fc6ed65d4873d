package io.pgforce.app.convergence;

import io.pgforce.app.convergence.SalesforceSide.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The random part of a run: one worker edits Salesforce, one edits Postgres, both at once and at a
 * steady pace, while a third strikes the scheduled faults as the operation count passes them.
 * Returns once every operation has been started and every worker has finished.
 */
final class ConvergenceRun {

  private final ConvergenceSettings settings;
  private final Ledger ledger;
  private final SalesforceSide salesforce;
  private final PostgresSide postgres;
  private final FaultSchedule schedule;
  private final Fault.Targets targets;
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger faults = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

  ConvergenceRun(
      ConvergenceSettings settings,
      Ledger ledger,
      SalesforceSide salesforce,
      PostgresSide postgres,
      FaultSchedule schedule,
      Fault.Targets targets) {
    this.settings = settings;
    this.ledger = ledger;
    this.salesforce = salesforce;
    this.postgres = postgres;
    this.schedule = schedule;
    this.targets = targets;
  }

  /** Runs everything; returns the number of faults struck. */
  int run() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    threads.add(thread("convergence-salesforce", this::salesforceWorker));
    threads.add(thread("convergence-postgres", this::postgresWorker));
    threads.add(thread("convergence-faults", this::faultWorker));
    for (Thread t : threads) {
      t.join();
    }
    return faults.get();
  }

  int started() {
    return started.get();
  }

  /** Harness errors (not sync findings): a fault that could not be struck, a worker that died. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  private Thread thread(String name, Runnable body) {
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (RuntimeException e) {
                problems.add(name + " died: " + e);
              }
            },
            name);
    t.start();
    return t;
  }

  private void salesforceWorker() {
    OperationGenerator generator =
        new OperationGenerator(new Random(settings.seed() * 31 + 1), ledger);
    Pacer pacer = new Pacer(settings.rate() / 2.0);
    while (started.get() < settings.operations()) {
      Random r = generator.random();
      Channel channel = channel(r.nextInt(100));
      List<Operation> batch = generator.batch(batchSize(channel, r));
      started.addAndGet(Math.max(1, batch.size()));
      if (!batch.isEmpty()) {
        salesforce.run(channel, batch);
      }
      pacer.pace(Math.max(1, batch.size()));
    }
  }

  private static Channel channel(int n) {
    return n < 40
        ? Channel.REST
        : n < 75 ? Channel.COLLECTIONS : n < 92 ? Channel.DML : Channel.BULK;
  }

  private static int batchSize(Channel channel, Random r) {
    return switch (channel) {
      case REST -> 1;
      case COLLECTIONS -> 1 + r.nextInt(5);
      case DML -> 1 + r.nextInt(3);
      case BULK -> 3 + r.nextInt(13);
    };
  }

  private void postgresWorker() {
    OperationGenerator generator =
        new OperationGenerator(new Random(settings.seed() * 31 + 2), ledger);
    Pacer pacer = new Pacer(settings.rate() / 2.0);
    while (started.getAndIncrement() < settings.operations()) {
      generator.batch(1).forEach(postgres::run);
      pacer.pace(1);
    }
  }

  private void faultWorker() {
    for (FaultSchedule.Planned p : schedule.planned()) {
      while (started.get() < p.atOperation()) {
        sleep(20); // following the operation count, not waiting for the sync
      }
      try {
        p.fault().inject(targets, p.strength());
        faults.incrementAndGet();
        System.out.printf(
            "convergence fault at=%s op=%d %s strength=%d%n",
            java.time.Instant.now(), started.get(), p.fault(), p.strength());
      } catch (Exception e) {
        problems.add("fault " + p + " could not be struck: " + e);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Keeps a worker at its share of the rate: load shape, so the run spans the faults. */
  private static final class Pacer {
    private final double nanosPerOperation;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
      this.nanosPerOperation = 1e9 / perSecond;
    }

    void pace(int operations) {
      next += (long) (operations * nanosPerOperation);
      long ahead = next - System.nanoTime();
      if (ahead > 0) {
        sleep(ahead / 1_000_000);
      } else if (ahead < -1_000_000_000L) {
        next = System.nanoTime(); // fell behind (a slow call): do not burst to catch up
      }
    }
  }
}
