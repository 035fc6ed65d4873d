package io.pgforce.emulator.bulk;

import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.soql.QueryPlan;
import io.pgforce.emulator.store.IdGenerator;
import io.pgforce.emulator.store.OrgStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The org's Bulk API 2.0 jobs, and the two worker threads that run them. Jobs are kept until
 * deleted or the org is reset (Salesforce keeps them seven days).
 */
public final class BulkJobs implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BulkJobs.class);
  private static final String JOB_KEY_PREFIX = "750";

  private final OrgStore store;
  private final QueryExecutor queries;
  private final IngestProcessor ingest;
  private final IdGenerator ids = new IdGenerator();
  private final Map<String, BulkJob> jobs = new ConcurrentSkipListMap<>();
  private final ExecutorService workers =
      Executors.newFixedThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "bulk-worker");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param ingestBatchesUsed counts internal ingest batches against the org's daily limit
   */
  public BulkJobs(OrgStore store, QueryExecutor queries, LongConsumer ingestBatchesUsed) {
    this.store = store;
    this.queries = queries;
    this.ingest = new IngestProcessor(store, ingestBatchesUsed);
  }

  OrgStore store() {
    return store;
  }

  /** Registers a query job; {@link #start} runs it. */
  QueryJob createQuery(JobSpec spec) {
    return register(new QueryJob(spec, ids.next(JOB_KEY_PREFIX), clock()));
  }

  /** Runs a query job on a worker: InProgress, then JobComplete or Failed. */
  void start(QueryJob job) {
    workers.execute(() -> guarded(job, () -> runQuery(job)));
  }

  IngestJob createIngest(JobSpec spec) {
    return register(new IngestJob(spec, ids.next(JOB_KEY_PREFIX), clock()));
  }

  /**
   * Closes an ingest job for upload and starts processing it.
   *
   * @throws SalesforceException when the job is not Open or received several uploads
   */
  void closeIngest(IngestJob job) {
    if (job.state() == JobState.OPEN && job.uploadCount() > 1) {
      throw BulkErrors.multipleUploads(job);
    }
    if (!job.move(Set.of(JobState.OPEN), JobState.UPLOAD_COMPLETE)) {
      throw BulkErrors.invalidState(job, "set it to UploadComplete");
    }
    workers.execute(() -> guarded(job, () -> ingest.run(job)));
  }

  /** The job with this id, if it is of {@code kind}. */
  <T extends BulkJob> T require(String id, Class<T> kind) {
    return Optional.ofNullable(jobs.get(id))
        .filter(kind::isInstance)
        .map(kind::cast)
        .orElseThrow(BulkErrors::jobNotFound);
  }

  /** Every job of {@code kind}, oldest first. */
  <T extends BulkJob> List<T> list(Class<T> kind) {
    return jobs.values().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** Deletes a job that is no longer running (its results go with it). */
  void delete(BulkJob job) {
    if (job.state() == JobState.IN_PROGRESS || job.state() == JobState.UPLOAD_COMPLETE) {
      throw BulkErrors.invalidState(job, "delete it before it finishes");
    }
    jobs.remove(job.id());
  }

  /** Forgets every job (the org was reset); running ones finish unseen. */
  public void clear() {
    jobs.values().forEach(BulkJob::abort);
    jobs.clear();
  }

  /** How many jobs exist. */
  public int count() {
    return jobs.size();
  }

  private void runQuery(QueryJob job) {
    if (!job.move(Set.of(JobState.UPLOAD_COMPLETE), JobState.IN_PROGRESS)) {
      return;
    }
    try {
      QueryPlan plan = queries.prepare(job.query());
      Optional<String> refused = BulkQueryRules.violation(plan);
      if (refused.isPresent()) {
        job.fail(refused.get());
      } else {
        job.complete(queries.execute(plan, job.queryAll()));
      }
    } catch (SalesforceException e) {
      job.fail(e.code() + ": " + e.errors().get(0).message());
    }
  }

  /** A bug in a job must fail that job, not leave it InProgress for ever. */
  private static void guarded(BulkJob job, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.error("Bulk job {} failed unexpectedly", job.id(), e);
      job.fail("UNKNOWN_EXCEPTION: " + e);
    }
  }

  private <T extends BulkJob> T register(T job) {
    jobs.put(job.id(), job);
    return job;
  }

  private Clock clock() {
    return store.clock();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
