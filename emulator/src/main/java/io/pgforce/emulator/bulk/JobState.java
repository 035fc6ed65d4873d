package io.pgforce.emulator.bulk;

import java.util.Optional;

/** The states of a Bulk API 2.0 job, by their wire names. */
public enum JobState {
  OPEN("Open"),
  UPLOAD_COMPLETE("UploadComplete"),
  IN_PROGRESS("InProgress"),
  ABORTED("Aborted"),
  JOB_COMPLETE("JobComplete"),
  FAILED("Failed");

  private final String wireName;

  JobState(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Whether the job has stopped moving: complete, failed or aborted. */
  public boolean isFinal() {
    return this == ABORTED || this == JOB_COMPLETE || this == FAILED;
  }

  static Optional<JobState> fromWire(String name) {
    for (JobState state : values()) {
      if (state.wireName.equals(name)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
