package io.pgforce.emulator.bulk;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An insert, update, upsert, delete or hardDelete job: created Open, given its CSV by one upload,
 * closed (UploadComplete), then processed by a worker into per-row results.
 */
final class IngestJob extends BulkJob {

  private final String externalIdFieldName;
  private final Optional<String> clientId;
  private final List<byte[]> uploads = new ArrayList<>();
  private IngestResults results;

  IngestJob(JobSpec spec, String id, Clock clock) {
    super(spec, id, JobState.OPEN, clock);
    this.externalIdFieldName = spec.externalIdFieldName();
    this.clientId = spec.clientId();
  }

  /** The upsert key, or null for other operations. */
  String externalIdFieldName() {
    return externalIdFieldName;
  }

  /** The creating call's client name, which the changes' CDC events report. */
  Optional<String> clientId() {
    return clientId;
  }

  /** Keeps an upload; false when the job no longer takes data. */
  synchronized boolean upload(byte[] csv) {
    if (state() != JobState.OPEN) {
      return false;
    }
    uploads.add(csv);
    return true;
  }

  synchronized int uploadCount() {
    return uploads.size();
  }

  /** The uploaded CSV (all uploads, should there be several). */
  synchronized byte[] data() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    uploads.forEach(all::writeBytes);
    return all.toByteArray();
  }

  /** Frees the upload once it is parsed: the rows live on in the results. */
  synchronized void dropUploads() {
    uploads.clear();
  }

  synchronized void results(IngestResults value) {
    this.results = value;
  }

  synchronized Optional<IngestResults> results() {
    return Optional.ofNullable(results);
  }

  /** Completes the job unless it was aborted meanwhile. */
  boolean complete() {
    return move(Set.of(JobState.IN_PROGRESS), JobState.JOB_COMPLETE);
  }

  long numberRecordsProcessed() {
    return results().map(IngestResults::processed).orElse(0);
  }

  long numberRecordsFailed() {
    return results().map(IngestResults::failed).orElse(0);
  }
}
