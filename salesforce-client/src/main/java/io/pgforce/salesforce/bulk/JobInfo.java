package io.pgforce.salesforce.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What {@code GET /jobs/query/{id}} or {@code /jobs/ingest/{id}} says about a job.
 *
 * @param totalProcessingTime milliseconds the org spent processing the job (0 when not reported)
 * @param errorMessage why the job failed, when it did
 */
public record JobInfo(
    String id,
    String operation,
    String object,
    JobState state,
    long numberRecordsProcessed,
    long numberRecordsFailed,
    long totalProcessingTime,
    Optional<String> errorMessage) {

  static JobInfo fromJson(JsonNode json) {
    JsonNode error = json.get("errorMessage");
    return new JobInfo(
        json.path("id").asText(),
        json.path("operation").asText(),
        json.path("object").asText(),
        JobState.valueOf(json.path("state").asText()),
        json.path("numberRecordsProcessed").asLong(0),
        json.path("numberRecordsFailed").asLong(0),
        json.path("totalProcessingTime").asLong(0),
        error == null || error.isNull() || error.asText().isEmpty()
            ? Optional.empty()
            : Optional.of(error.asText()));
  }
}
