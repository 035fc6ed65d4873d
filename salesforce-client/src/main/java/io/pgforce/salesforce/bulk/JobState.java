package io.pgforce.salesforce.bulk;

/** A Bulk API 2.0 job's state, as the API spells it. */
public enum JobState {
  Open,
  UploadComplete,
  InProgress,
  JobComplete,
  Failed,
  Aborted;

  /** Whether the job will not change any more. */
  public boolean isTerminal() {
    return this == JobComplete || this == Failed || this == Aborted;
  }
}
