package io.pgforce.emulator.bulk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.WireFormat;
import java.math.BigDecimal;
import java.util.List;

/**
 * Job information as Bulk API 2.0 writes it: the fields every response has, and the counters {@code
 * GET} adds ({@code jobType}, {@code numberRecordsProcessed}, timings, {@code errorMessage}).
 */
final class JobJson {

  private JobJson() {}

  /** What creating, aborting or closing a job returns. */
  static ObjectNode summary(BulkJob job) {
    ObjectNode body = Json.object();
    body.put("id", job.id());
    body.put("operation", job.operation().wireName());
    body.put("object", job.objectName());
    body.put("createdById", job.createdById());
    body.put("createdDate", WireFormat.dateTime(job.createdDate()));
    body.put("systemModstamp", WireFormat.dateTime(job.systemModstamp()));
    body.put("state", job.state().wireName());
    if (job instanceof IngestJob ingest && ingest.externalIdFieldName() != null) {
      body.put("externalIdFieldName", ingest.externalIdFieldName());
    }
    body.put("concurrencyMode", "Parallel");
    body.put("contentType", "CSV");
    body.put("apiVersion", new BigDecimal(job.apiVersion()));
    if (job instanceof IngestJob) {
      body.put(
          "contentUrl",
          "services/data/v" + job.apiVersion() + "/jobs/ingest/" + job.id() + "/batches");
    }
    body.put("lineEnding", job.dialect().lineEndingName());
    body.put("columnDelimiter", job.dialect().delimiterName());
    return body;
  }

  /** What {@code GET /jobs/query/{id}} and {@code GET /jobs/ingest/{id}} return. */
  static ObjectNode detail(BulkJob job) {
    ObjectNode body = summary(job);
    if (job instanceof QueryJob query) {
      body.put("jobType", "V2Query");
      body.put("numberRecordsProcessed", query.numberRecordsProcessed());
    } else if (job instanceof IngestJob ingest) {
      body.put("jobType", "V2Ingest");
      body.put("numberRecordsProcessed", ingest.numberRecordsProcessed());
      body.put("numberRecordsFailed", ingest.numberRecordsFailed());
    }
    body.put("retries", 0);
    body.put("totalProcessingTime", job.processingMillis());
    if (job instanceof IngestJob) {
      body.put("apiActiveProcessingTime", job.processingMillis());
      body.put("apexProcessingTime", 0);
    }
    job.errorMessage().ifPresent(message -> body.put("errorMessage", message));
    return body;
  }

  /** {@code GET /jobs/query} and {@code /jobs/ingest}: every job, on one page. */
  static ObjectNode list(List<? extends BulkJob> jobs) {
    ObjectNode body = Json.object();
    body.put("done", true);
    ArrayNode records = body.putArray("records");
    jobs.forEach(job -> records.add(summary(job)));
    body.putNull("nextRecordsUrl");
    return body;
  }
}
