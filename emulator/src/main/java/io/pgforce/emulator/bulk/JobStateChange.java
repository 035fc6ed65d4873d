package io.pgforce.emulator.bulk;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code {"state":"..."}} body of a job PATCH. */
final class JobStateChange {

  private JobStateChange() {}

  /** The state the body asks for: UploadComplete or Aborted; anything else is refused. */
  static JobState requested(JsonNode body) {
    String name = body.path("state").asText(null);
    JobState state = JobState.fromWire(name == null ? "" : name).orElse(null);
    if (state != JobState.UPLOAD_COMPLETE && state != JobState.ABORTED) {
      throw BulkErrors.unknownState(name);
    }
    return state;
  }

  /** Query jobs can only be aborted. */
  static void requireAborted(JsonNode body) {
    if (requested(body) != JobState.ABORTED) {
      throw BulkErrors.unknownState(body.path("state").asText());
    }
  }
}
