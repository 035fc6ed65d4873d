package io.pgforce.emulator.faults;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.SalesforceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The active fault rules and their effect on requests. Thread-safe: rules are added and removed
 * while requests run. Rates draw from one {@link Random}, seeded by the caller, so a test can make
 * "half the records fail" reproducible.
 */
public final class FaultInjector {

  /** A rule as installed: its id and how many more times it may fail. */
  public record ActiveRule(long id, FaultRule rule, AtomicInteger remaining) {}

  private static final Map<String, Integer> STATUS_BY_CODE =
      Map.of(
          "SERVER_UNAVAILABLE", 503,
          "UNKNOWN_EXCEPTION", 500,
          "REQUEST_LIMIT_EXCEEDED", 403,
          "INVALID_SESSION_ID", 401,
          "NOT_FOUND", 404);

  private final List<ActiveRule> rules = new CopyOnWriteArrayList<>();
  private final AtomicLong nextId = new AtomicLong();
  private final Random random;
  private final Sleeper sleeper;

  /** Waits; tests of the injector itself pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  public FaultInjector(Random random, Sleeper sleeper) {
    this.random = random;
    this.sleeper = sleeper;
  }

  public FaultInjector(Random random) {
    this(random, Thread::sleep);
  }

  /** Installs a rule; returns it with its id. */
  public ActiveRule add(FaultRule rule) {
    ActiveRule active =
        new ActiveRule(
            nextId.incrementAndGet(),
            rule,
            new AtomicInteger(rule.times() == null ? Integer.MAX_VALUE : rule.times()));
    rules.add(active);
    return active;
  }

  public List<ActiveRule> rules() {
    return List.copyOf(rules);
  }

  public boolean remove(long id) {
    return rules.removeIf(r -> r.id() == id);
  }

  public void clear() {
    rules.clear();
  }

  /**
   * Applies the request-level rules matching a request: sleeps for their latency, then throws the
   * first failure that fires.
   *
   * @throws SalesforceException the injected failure
   */
  public void beforeRequest(String method, String path) {
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule();
      if (rule.perRecord() || !rule.matches(method, path)) {
        continue;
      }
      delay(rule.latencyMs());
      if (rule.fails() && fires(active)) {
        throw new SalesforceException(status(rule), error(rule));
      }
    }
  }

  /** The error injected into one record of a collections call, if a per-record rule fires. */
  public Optional<ApiError> recordFault(String method, String path) {
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule();
      if (rule.perRecord() && rule.fails() && rule.matches(method, path) && fires(active)) {
        return Optional.of(error(rule));
      }
    }
    return Optional.empty();
  }

  private boolean fires(ActiveRule active) {
    boolean drawn = active.rule().rate() >= 1.0 || nextDouble() < active.rule().rate();
    if (!drawn) {
      return false;
    }
    int left = active.remaining().decrementAndGet();
    if (left <= 0) {
      rules.remove(active);
    }
    return left >= 0;
  }

  private double nextDouble() {
    synchronized (random) {
      return random.nextDouble();
    }
  }

  private void delay(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      sleeper.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int status(FaultRule rule) {
    if (rule.status() != null) {
      return rule.status();
    }
    return STATUS_BY_CODE.getOrDefault(rule.error(), 400);
  }

  private static ApiError error(FaultRule rule) {
    String code = rule.error() != null ? rule.error() : codeFor(rule.status());
    String message = rule.message() != null ? rule.message() : messageFor(code);
    return ApiError.of(code, message);
  }

  private static String codeFor(int status) {
    return switch (status) {
      case 401 -> "INVALID_SESSION_ID";
      case 403 -> "REQUEST_LIMIT_EXCEEDED";
      case 404 -> "NOT_FOUND";
      case 503, 502, 504 -> "SERVER_UNAVAILABLE";
      default -> status >= 500 ? "UNKNOWN_EXCEPTION" : "BAD_REQUEST";
    };
  }

  private static String messageFor(String code) {
    return switch (code) {
      case "UNABLE_TO_LOCK_ROW" -> "unable to obtain exclusive access to this record";
      case "SERVER_UNAVAILABLE" -> "Server temporarily unavailable (injected by the emulator)";
      case "REQUEST_LIMIT_EXCEEDED" -> "TotalRequests Limit exceeded.";
      case "INVALID_SESSION_ID" -> "Session expired or invalid";
      case "UNKNOWN_EXCEPTION" -> "An unexpected error occurred (injected by the emulator)";
      default -> code + " (injected by the emulator)";
    };
  }
}
