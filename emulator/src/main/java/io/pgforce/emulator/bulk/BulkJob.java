package io.pgforce.emulator.bulk;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * What query and ingest jobs share: identity, settings, and the state machine. State changes are
 * atomic ({@link #move}), because a client's abort races the worker that runs the job; the first to
 * move the job wins and the other sees it refused.
 */
abstract class BulkJob {

  private final String id;
  private final BulkOperation operation;
  private final String objectName;
  private final String createdById;
  private final Instant createdDate;
  private final String apiVersion;
  private final CsvDialect dialect;
  private final Clock clock;
  private JobState state;
  private Instant systemModstamp;
  private String errorMessage;
  private long startedNanos;
  private long processingMillis;

  BulkJob(JobSpec spec, String id, JobState initial, Clock clock) {
    this.id = id;
    this.operation = spec.operation();
    this.objectName = spec.objectName();
    this.createdById = spec.userId();
    this.apiVersion = spec.apiVersion();
    this.dialect = spec.dialect();
    this.clock = clock;
    this.createdDate = now();
    this.systemModstamp = createdDate;
    this.state = initial;
  }

  String id() {
    return id;
  }

  BulkOperation operation() {
    return operation;
  }

  /** The object the job reads or writes (null when a query's FROM could not be read). */
  String objectName() {
    return objectName;
  }

  String createdById() {
    return createdById;
  }

  Instant createdDate() {
    return createdDate;
  }

  String apiVersion() {
    return apiVersion;
  }

  CsvDialect dialect() {
    return dialect;
  }

  synchronized JobState state() {
    return state;
  }

  synchronized Instant systemModstamp() {
    return systemModstamp;
  }

  synchronized Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** Milliseconds spent processing so far (Bulk API's {@code totalProcessingTime}). */
  synchronized long processingMillis() {
    return state == JobState.IN_PROGRESS
        ? (System.nanoTime() - startedNanos) / 1_000_000
        : processingMillis;
  }

  /** Moves the job to {@code next} if it is in one of {@code from}; false (unchanged) otherwise. */
  synchronized boolean move(Set<JobState> from, JobState next) {
    if (!from.contains(state)) {
      return false;
    }
    if (next == JobState.IN_PROGRESS) {
      startedNanos = System.nanoTime();
    } else if (state == JobState.IN_PROGRESS) {
      processingMillis = (System.nanoTime() - startedNanos) / 1_000_000;
    }
    state = next;
    systemModstamp = now();
    return true;
  }

  /** Fails a job in progress, with the message {@code errorMessage} reports. */
  synchronized boolean fail(String message) {
    if (!move(Set.of(JobState.IN_PROGRESS), JobState.FAILED)) {
      return false;
    }
    errorMessage = message;
    return true;
  }

  /** Aborts a job that has not finished. */
  boolean abort() {
    return move(
        Set.of(JobState.OPEN, JobState.UPLOAD_COMPLETE, JobState.IN_PROGRESS), JobState.ABORTED);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
