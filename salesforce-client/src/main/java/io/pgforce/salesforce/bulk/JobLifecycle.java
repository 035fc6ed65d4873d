package io.pgforce.salesforce.bulk;

import io.pgforce.salesforce.error.Backoff;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls a job until it ends (with backoff, a timeout and cancellation) and aborts jobs. */
final class JobLifecycle {

  /** Small jobs finish in a second or two; big ones take minutes, so the wait grows to 10 s. */
  static final Backoff POLL_BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  private static final Logger log = LoggerFactory.getLogger(JobLifecycle.class);

  private final ApiCalls transport;
  private final Clock clock;
  private final Duration timeout;

  JobLifecycle(ApiCalls transport, Clock clock, Duration timeout) {
    this.transport = transport;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Runs {@code beforeWaiting} (an upload), then waits for the job to end; aborts the job when
   * either fails or is cancelled, so no job is left running or Open.
   *
   * @return the job, JobComplete
   * @throws SalesforceException when the job ended Failed or Aborted
   */
  JobInfo complete(String jobPath, CancelHandle cancel, Runnable beforeWaiting) {
    JobInfo job;
    try {
      beforeWaiting.run();
      job = awaitEnd(jobPath, cancel);
    } catch (RuntimeException e) {
      abortQuietly(jobPath);
      throw e;
    }
    if (job.state() != JobState.JobComplete) {
      throw ended(job);
    }
    return job;
  }

  /**
   * Polls {@code jobPath} until the job is JobComplete, Failed or Aborted.
   *
   * @throws java.util.concurrent.CancellationException when cancelled or interrupted
   * @throws SalesforceException {@code BULK_JOB_TIMEOUT} when the job outlives the timeout
   */
  JobInfo awaitEnd(String jobPath, CancelHandle cancel) {
    Instant deadline = clock.instant().plus(timeout);
    for (int attempt = 0; ; attempt++) {
      cancel.check();
      JobInfo info = JobInfo.fromJson(transport.json(ApiRequest.get(jobPath)));
      if (info.state().isTerminal()) {
        return info;
      }
      if (clock.instant().isAfter(deadline)) {
        throw new SalesforceException(
            0,
            "BULK_JOB_TIMEOUT",
            "bulk job " + info.id() + " still " + info.state() + " after " + timeout,
            List.of());
      }
      cancel.pause(POLL_BACKOFF.delay(attempt, ThreadLocalRandom.current().nextDouble()));
    }
  }

  /**
   * Asks Salesforce to abort the job, so a cancelled or failed call leaves nothing running. Best
   * effort: a failure is logged, since the caller is already reporting the reason it stopped.
   */
  void abortQuietly(String jobPath) {
    boolean interrupted = Thread.interrupted(); // the PATCH must not be cut short by the interrupt
    try {
      transport.json(ApiRequest.patch(jobPath).json(Map.of("state", "Aborted")));
      log.info("Aborted bulk job {}", jobPath);
    } catch (RuntimeException e) {
      log.warn("Could not abort bulk job {}: {}", jobPath, e.getMessage());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The exception for a job that ended Failed or Aborted. */
  static SalesforceException ended(JobInfo job) {
    String reason = job.errorMessage().orElse("no reason given");
    return new SalesforceException(
        0,
        "BULK_JOB_" + job.state().name().toUpperCase(java.util.Locale.ROOT),
        "bulk job " + job.id() + " ended " + job.state() + ": " + reason,
        List.of());
  }
}
