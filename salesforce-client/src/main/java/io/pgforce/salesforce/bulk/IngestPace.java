package io.pgforce.salesforce.bulk;

import java.time.Duration;

/**
 * How long to wait before the first look at a closed ingest job, from how fast this org processed
 * the last one. A job is never done the moment it closes, and looking early only costs calls
 * against the org's limit; but a fixed guess per row is either too early for a busy production org
 * or far too late for a sandbox or the emulator, which process ten thousand rows in a fraction of a
 * second. Each completed job reports its {@code totalProcessingTime}, and the next first look
 * expects the same pace, with a margin for the time a job waits before it starts.
 */
final class IngestPace {

  /** Before any job has completed: 50 µs a row, faster than Salesforce usually processes rows. */
  static final double FIRST_GUESS_MILLIS_PER_ROW = 0.05;

  /**
   * A job also waits in the org's queue before it is processed, and the org may be busier than for
   * the last one; its processing time omits both. With half again, a benchmark's 10,000-row jobs
   * needed a second status call in two runs of three.
   */
  private static final double QUEUE_MARGIN = 2.0;

  private volatile double millisPerRow = FIRST_GUESS_MILLIS_PER_ROW;

  /** The wait before the first look at a job of {@code rows} rows just closed. */
  Duration firstLook(long rows) {
    long millis = Math.round(rows * millisPerRow);
    long floor = JobLifecycle.POLL_BACKOFF.initial().toMillis();
    long ceiling = JobLifecycle.POLL_BACKOFF.max().toMillis();
    return Duration.ofMillis(Math.min(Math.max(millis, floor), ceiling));
  }

  /**
   * Learns the pace of a completed job. A job too small or too fast to have a measurable processing
   * time says nothing about the next one and is left out.
   */
  void completed(JobInfo job) {
    if (job.numberRecordsProcessed() > 0 && job.totalProcessingTime() > 0) {
      millisPerRow = QUEUE_MARGIN * job.totalProcessingTime() / job.numberRecordsProcessed();
    }
  }

  /**
   * Counts the rows of a CSV upload: close enough, a quoted line break only makes the wait longer.
   */
  static long rows(byte[] csv) {
    long rows = 0;
    for (byte b : csv) {
      rows += b == '\n' ? 1 : 0;
    }
    return rows;
  }
}
