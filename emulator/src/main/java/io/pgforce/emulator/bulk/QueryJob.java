package io.pgforce.emulator.bulk;

import io.pgforce.emulator.soql.QueryResult;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * A query or queryAll job. Its result is captured when it completes, as the list of record versions
 * that matched: records are immutable, so pages read later show the data exactly as it was at
 * completion, however the records change afterwards.
 */
final class QueryJob extends BulkJob {

  private final String query;
  private QueryResult result;

  QueryJob(JobSpec spec, String id, Clock clock) {
    super(spec, id, JobState.UPLOAD_COMPLETE, clock);
    this.query = spec.query();
  }

  String query() {
    return query;
  }

  boolean queryAll() {
    return operation() == BulkOperation.QUERY_ALL;
  }

  /** Completes the job with its result, unless it was aborted meanwhile. */
  synchronized boolean complete(QueryResult matched) {
    if (!move(Set.of(JobState.IN_PROGRESS), JobState.JOB_COMPLETE)) {
      return false;
    }
    this.result = matched;
    return true;
  }

  /** The captured result, once the job is complete. */
  synchronized Optional<QueryResult> result() {
    return Optional.ofNullable(result);
  }

  /** Records in the result (0 until complete). */
  synchronized long numberRecordsProcessed() {
    return result == null ? 0 : result.records().size();
  }
}
