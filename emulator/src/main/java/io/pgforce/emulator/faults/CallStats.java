package io.pgforce.emulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * API calls received, by endpoint ({@code GET /services/data/{version}/query}), so a test can
 * assert how many calls a client made, or a benchmark report them.
 */
public final class CallStats {

  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();

  public void record(String endpoint) {
    byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
  }

  /** Counts by endpoint, sorted by endpoint. */
  public Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    byEndpoint.forEach((endpoint, count) -> counts.put(endpoint, count.sum()));
    return counts;
  }

  public long total() {
    return byEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** The count for one endpoint, 0 when it was never called. */
  public long count(String endpoint) {
    LongAdder count = byEndpoint.get(endpoint);
    return count == null ? 0 : count.sum();
  }

  public void reset() {
    byEndpoint.clear();
  }
}
