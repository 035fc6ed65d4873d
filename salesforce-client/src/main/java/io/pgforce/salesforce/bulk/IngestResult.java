package io.pgforce.salesforce.bulk;

import io.pgforce.salesforce.error.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of an ingest job: its final state and the three result files, parsed. Salesforce does
 * not keep the input order in these files; each row carries its original columns so the caller can
 * match it back.
 *
 * @param successful rows Salesforce saved
 * @param failed rows Salesforce refused, with the reason
 * @param unprocessed rows the job never reached (it was aborted or failed first)
 */
public record IngestResult(
    JobInfo job,
    List<SuccessfulRecord> successful,
    List<FailedRecord> failed,
    List<Map<String, String>> unprocessed) {

  public IngestResult {
    successful = List.copyOf(successful);
    failed = List.copyOf(failed);
    unprocessed = List.copyOf(unprocessed);
  }

  /**
   * A saved row.
   *
   * @param id the record's id ({@code sf__Id})
   * @param created whether it was inserted ({@code sf__Created})
   * @param fields the row's original columns
   */
  public record SuccessfulRecord(String id, boolean created, Map<String, String> fields) {}

  /**
   * A refused row.
   *
   * @param id the record's id when it had one ({@code sf__Id})
   * @param error {@code sf__Error} parsed into code, message and fields
   * @param fields the row's original columns
   */
  public record FailedRecord(Optional<String> id, ApiError error, Map<String, String> fields) {}
}
