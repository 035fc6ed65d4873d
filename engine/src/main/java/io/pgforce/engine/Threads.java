package io.pgforce.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/** The engine's worker threads and how it waits for their work. */
public final class Threads {

  private Threads() {}

  /**
   * Threads named {@code name} (as thread dumps and log lines show them) and daemons, so a call
   * stuck on the network never keeps the JVM from exiting once the engine is stopped.
   */
  public static ThreadFactory daemon(String name) {
    return task -> {
      Thread t = new Thread(task, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The task's result; a failure of its own is thrown as it was, unwrapped. */
  public static <T> T await(Future<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + task, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }
}
