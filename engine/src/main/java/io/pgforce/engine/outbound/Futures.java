package io.pgforce.engine.outbound;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work handed to the writer's threads, rethrowing what it threw as it was thrown. */
final class Futures {

  private Futures() {}

  static <T> T await(Future<T> work) {
    try {
      return work.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while pushing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }
}
