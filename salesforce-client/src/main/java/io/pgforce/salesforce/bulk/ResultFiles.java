package io.pgforce.salesforce.bulk;

/**
 * Which of a finished ingest job's result files to download. Each file is one call against the
 * org's API limit and, for a large job, megabytes of CSV.
 */
public enum ResultFiles {
  /** The successful and the failed rows, each file read when the job's counters say it has rows. */
  ALL,

  /**
   * Only the failed rows: {@link IngestResult#successful()} stays empty. For a caller that already
   * knows each row's record (updates and deletes carry the Id), a row of a JobComplete job that is
   * not among the failed was saved.
   */
  FAILED_ONLY
}
