package io.pgforce.emulator.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The org's limits as {@code /limits} reports them. Daily API requests are counted for real (each
 * authenticated REST call takes one, and a call beyond the maximum is refused); the counter starts
 * over at midnight UTC, where Salesforce uses a rolling 24 hours. Other limits are fixed numbers
 * that other API areas may count against with {@link #use}.
 */
public final class OrgLimits {

  /** One limit: its maximum and how much of it is used. */
  public record Limit(long max, long used) {
    public long remaining() {
      return Math.max(0, max - used);
    }
  }

  public static final String DAILY_API_REQUESTS = "DailyApiRequests";

  private final Clock clock;
  private final Map<String, Limit> limits = new LinkedHashMap<>();
  private LocalDate day;

  public OrgLimits(Clock clock, long dailyApiRequests) {
    this.clock = clock;
    this.day = today();
    limits.put(DAILY_API_REQUESTS, new Limit(dailyApiRequests, 0));
    fixed("DailyAsyncApexExecutions", 250_000);
    fixed("DailyBulkApiBatches", 15_000);
    fixed("DailyBulkV2QueryFileStorageMB", 976_562);
    fixed("DailyBulkV2QueryJobs", 10_000);
    fixed("DailyDurableStreamingApiEvents", 1_000_000);
    fixed("DailyStreamingApiEvents", 1_000_000);
    fixed("DataStorageMB", 5);
    fixed("FileStorageMB", 20);
    fixed("HourlyPublishedStandardVolumePlatformEvents", 100_000);
    fixed("MassEmail", 5_000);
    fixed("SingleEmail", 5_000);
    fixed("StreamingApiConcurrentClients", 2_000);
  }

  private void fixed(String name, long max) {
    limits.put(name, new Limit(max, 0));
  }

  /** Takes one daily API request; false (and nothing taken) when none is left. */
  public synchronized boolean tryUseApiRequest() {
    rollOver();
    Limit requests = limits.get(DAILY_API_REQUESTS);
    if (requests.used() >= requests.max()) {
      return false;
    }
    limits.put(DAILY_API_REQUESTS, new Limit(requests.max(), requests.used() + 1));
    return true;
  }

  /** Counts {@code amount} against a limit (for example a Bulk API area counting its jobs). */
  public synchronized void use(String name, long amount) {
    rollOver();
    Limit limit = limits.getOrDefault(name, new Limit(0, 0));
    limits.put(name, new Limit(limit.max(), limit.used() + amount));
  }

  public synchronized Limit get(String name) {
    rollOver();
    return limits.getOrDefault(name, new Limit(0, 0));
  }

  /** Every limit, in a stable order. */
  public synchronized Map<String, Limit> snapshot() {
    rollOver();
    return new LinkedHashMap<>(limits);
  }

  /** Sets what is used of every limit back to zero. */
  public synchronized void reset() {
    limits.replaceAll((name, limit) -> new Limit(limit.max(), 0));
  }

  /** The {@code Sforce-Limit-Info} header value: {@code api-usage=N/MAX}. */
  public String header() {
    Limit requests = get(DAILY_API_REQUESTS);
    return "api-usage=" + requests.used() + "/" + requests.max();
  }

  private void rollOver() {
    LocalDate now = today();
    if (!now.equals(day)) {
      day = now;
      reset();
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
