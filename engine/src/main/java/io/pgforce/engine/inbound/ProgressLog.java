package io.pgforce.engine.inbound;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a long load's progress (rows, rate, ETA) at most every few seconds per object. */
final class ProgressLog {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
  private static final long EVERY_MILLIS = 5_000;
  private static final ConcurrentMap<String, Long> LAST = new ConcurrentHashMap<>();

  private ProgressLog() {}

  static void maybeLog(String object, LoadProgress p) {
    long now = p.elapsed().toMillis();
    Long last = LAST.get(object);
    if (last != null && now - last < EVERY_MILLIS) {
      return;
    }
    LAST.put(object, now);
    LOG.info(
        "event=\"{} LOADING {}/{} rows\" object_type=load percent={} rows_per_sec={} eta_secs={}",
        object,
        p.rows(),
        p.expected(),
        p.percent(),
        (long) p.rowsPerSecond(),
        p.eta().map(d -> String.valueOf(d.toSeconds())).orElse("unknown"));
  }
}
