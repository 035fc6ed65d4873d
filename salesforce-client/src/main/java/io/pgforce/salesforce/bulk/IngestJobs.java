package io.pgforce.salesforce.bulk;

import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.rest.ApiNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bulk API 2.0 ingest jobs: create, upload the CSV, mark UploadComplete, wait for the end, read the
 * successful, failed and unprocessed results. A job that stops early is aborted, so no Open job is
 * left behind.
 */
final class IngestJobs {

  /**
   * Salesforce accepts 150 MB per job after base64 encoding, which grows data by about half; its
   * guide therefore advises at most 100 MB of CSV.
   */
  static final int MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

  private final ApiCalls transport;
  private final JobLifecycle lifecycle;
  private final IngestPace pace = new IngestPace();

  IngestJobs(ApiCalls transport, JobLifecycle lifecycle) {
    this.transport = transport;
    this.lifecycle = lifecycle;
  }

  IngestResult run(
      String sobject, Operation operation, String extIdField, byte[] csv, CancelHandle cancel) {
    return run(sobject, operation, extIdField, csv, ResultFiles.ALL, cancel);
  }

  IngestResult run(
      String sobject,
      Operation operation,
      String extIdField,
      byte[] csv,
      ResultFiles files,
      CancelHandle cancel) {
    check(operation, extIdField, csv);
    String jobId = create(sobject, operation, extIdField);
    String jobPath = transport.dataPath("/jobs/ingest/" + jobId);
    JobInfo job = lifecycle.complete(jobPath, cancel, () -> uploadAndClose(jobPath, csv, cancel));
    pace.completed(job);
    return results(job, jobPath, files);
  }

  private static void check(Operation operation, String extIdField, byte[] csv) {
    if (operation == Operation.UPSERT && (extIdField == null || extIdField.isBlank())) {
      throw new IllegalArgumentException("an UPSERT needs the external id field");
    }
    if (csv.length > MAX_UPLOAD_BYTES) {
      throw new IllegalArgumentException(
          "ingest data of "
              + csv.length
              + " bytes is over the "
              + MAX_UPLOAD_BYTES
              + " bytes one job takes; split it");
    }
  }

  private String create(String sobject, Operation operation, String extIdField) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", ApiNames.requireApiName(sobject, "object"));
    body.put("operation", operation.apiName());
    if (operation == Operation.UPSERT) {
      body.put("externalIdFieldName", ApiNames.requireApiName(extIdField, "external id field"));
    }
    body.put("contentType", "CSV");
    body.put("lineEnding", "LF");
    ApiRequest request = ApiRequest.post(transport.dataPath("/jobs/ingest")).json(body);
    return transport.json(request).path("id").asText();
  }

  private void uploadAndClose(String jobPath, byte[] csv, CancelHandle cancel) {
    transport.call(upload(jobPath, csv), response -> null);
    cancel.check();
    transport.json(ApiRequest.patch(jobPath).json(Map.of("state", "UploadComplete")));
    cancel.pause(pace.firstLook(IngestPace.rows(csv)));
  }

  /** Sending the same data twice to an Open job is refused, not doubled: safe to retry. */
  private static ApiRequest upload(String jobPath, byte[] csv) {
    return ApiRequest.put(jobPath + "/batches").body(csv, ApiRequest.CSV).idempotent(true);
  }

  /**
   * Reads the result files asked for that the job's counters say are not empty, saving calls. The
   * job is JobComplete, so every record was processed and the unprocessed file is empty by
   * definition.
   */
  private IngestResult results(JobInfo job, String jobPath, ResultFiles files) {
    long saved = job.numberRecordsProcessed() - job.numberRecordsFailed();
    List<IngestResult.SuccessfulRecord> successful =
        saved == 0 || files == ResultFiles.FAILED_ONLY
            ? List.of()
            : read(jobPath + "/successfulResults/").stream().map(IngestJobs::successful).toList();
    List<IngestResult.FailedRecord> failed =
        job.numberRecordsFailed() == 0
            ? List.of()
            : read(jobPath + "/failedResults/").stream().map(IngestJobs::failed).toList();
    return new IngestResult(job, successful, failed, List.of());
  }

  private List<Map<String, String>> read(String path) {
    return transport.call(
        ApiRequest.get(path).accept(ApiRequest.CSV), r -> BulkCsv.readAll(r.body()));
  }

  private static IngestResult.SuccessfulRecord successful(Map<String, String> row) {
    Map<String, String> fields = new LinkedHashMap<>(row);
    String id = fields.remove("sf__Id");
    boolean created = Boolean.parseBoolean(fields.remove("sf__Created"));
    return new IngestResult.SuccessfulRecord(id, created, fields);
  }

  private static IngestResult.FailedRecord failed(Map<String, String> row) {
    Map<String, String> fields = new LinkedHashMap<>(row);
    String id = fields.remove("sf__Id");
    String error = fields.remove("sf__Error");
    Optional<String> recordId = id == null || id.isEmpty() ? Optional.empty() : Optional.of(id);
    return new IngestResult.FailedRecord(recordId, IngestErrors.parse(error), fields);
  }
}
