package io.pgforce.engine.outbound;

import io.pgforce.engine.Threads;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs set-based database work over a large list in two halves at once, each in its own transaction
 * on its own connection. A claim or a recording of 10,000 log entries is one UPDATE that PostgreSQL
 * runs on one core, about 20 µs an entry; in halves, a second core shares it. Small lists run whole
 * on the caller's thread, where a second connection would cost more than it saves.
 */
final class ParallelHalves implements AutoCloseable {

  /** Lists shorter than this run whole. */
  static final int SPLIT_FROM = 2_000;

  /** The work on one half: its own transaction, on its own connection. */
  @FunctionalInterface
  interface Work<T, R> {
    List<R> run(List<T> half) throws SQLException;
  }

  private final ExecutorService secondHalf;

  /**
   * @param name the second half's thread, as thread dumps show it
   */
  ParallelHalves(String name) {
    this.secondHalf = Executors.newSingleThreadExecutor(Threads.daemon(name));
  }

  /**
   * Both halves' results, the first half's first. When one half fails, the other is waited for, its
   * result goes to {@code undo}, and the failure is thrown: nothing is left running or half-done
   * behind the caller's back.
   */
  <T, R> List<R> run(List<T> items, Work<T, R> work, Consumer<List<R>> undo) throws SQLException {
    if (items.size() < SPLIT_FROM) {
      return work.run(items);
    }
    int half = items.size() / 2;
    Future<List<R>> second = secondHalf.submit(() -> work.run(items.subList(half, items.size())));
    List<R> first;
    try {
      first = work.run(items.subList(0, half));
    } catch (SQLException | RuntimeException e) {
      undoQuietly(second, undo);
      throw e;
    }
    List<R> both = new ArrayList<>(first);
    try {
      both.addAll(await(second));
    } catch (SQLException | RuntimeException e) {
      undo.accept(first);
      throw e;
    }
    return both;
  }

  private static <R> void undoQuietly(Future<List<R>> half, Consumer<List<R>> undo) {
    try {
      undo.accept(await(half));
    } catch (SQLException | RuntimeException e) {
      // failed as well: nothing of it to undo
    }
  }

  private static <R> List<R> await(Future<List<R>> half) throws SQLException {
    try {
      return half.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the other half", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    secondHalf.shutdown();
  }
}
