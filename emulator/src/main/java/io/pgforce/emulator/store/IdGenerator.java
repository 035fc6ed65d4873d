package io.pgforce.emulator.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes new record ids: key prefix, a fixed two-character "instance" part, then a base-62 counter
 * per key prefix. Base-62 digits in ASCII order keep ids of one object sorted by creation, so the
 * store's id index doubles as creation order. Counters are never reset, so an id from before a
 * {@code reset()} never names a new record.
 */
public final class IdGenerator {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String INSTANCE = "5p";
  private static final int COUNTER_DIGITS = 10;

  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  /** A new canonical 18-character id for an object with {@code keyPrefix}. */
  public String next(String keyPrefix) {
    long n = counters.computeIfAbsent(keyPrefix, k -> new AtomicLong()).incrementAndGet();
    return RecordIds.to18(keyPrefix + INSTANCE + base62(n));
  }

  /** The id with counter value {@code n}: fixed ids for the org and its admin user. */
  public static String fixed(String keyPrefix, long n) {
    return RecordIds.to18(keyPrefix + INSTANCE + base62(n));
  }

  /** Moves the counter past {@code n}, so {@link #next} never repeats a fixed id. */
  public void reserve(String keyPrefix, long n) {
    counters.computeIfAbsent(keyPrefix, k -> new AtomicLong()).accumulateAndGet(n, Math::max);
  }

  private static String base62(long n) {
    char[] digits = new char[COUNTER_DIGITS];
    long rest = n;
    for (int i = COUNTER_DIGITS - 1; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (rest % 62));
      rest /= 62;
    }
    return new String(digits);
  }
}
