package io.pgforce.emulator.bulk;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.store.RecordIds;

/**
 * Bulk API 2.0's refusals, with status, code and wording in one place. Bulk 2.0 reports errors in
 * the REST shape ({@code [{"errorCode":...,"message":...}]}) with its own upper-case codes ({@code
 * INVALIDJOB}, {@code INVALIDJOBSTATE}); docs/emulator.md marks which messages are inferred.
 */
final class BulkErrors {

  private BulkErrors() {}

  /** 404 for a job id that names no job of this kind. */
  static SalesforceException jobNotFound() {
    return Errors.notFound();
  }

  /** 400 INVALIDJOB: the job request itself is wrong. */
  static SalesforceException invalidJob(String message) {
    return new SalesforceException(400, ApiError.withoutFields("INVALIDJOB", message));
  }

  /** 400 INVALIDJOBSTATE: the job cannot do that in its state. */
  static SalesforceException invalidState(BulkJob job, String action) {
    return new SalesforceException(
        400,
        ApiError.withoutFields(
            "INVALIDJOBSTATE",
            "Job " + job.id() + " is in state " + job.state().wireName() + ": cannot " + action));
  }

  /** 400 INVALIDJOBSTATE for a state a PATCH may not ask for. */
  static SalesforceException unknownState(String requested) {
    return new SalesforceException(
        400, ApiError.withoutFields("INVALIDJOBSTATE", "Invalid state: " + requested));
  }

  /** 400 INVALIDJOB when closing a job that received more than one upload (Salesforce's typo). */
  static SalesforceException multipleUploads(BulkJob job) {
    return invalidJob(
        "Found multipe contents for job: <"
            + RecordIds.to15(job.id())
            + ">, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and"
            + " make sure you only do 'PUT' once on a given Job.");
  }

  /** 415 for an upload that is not {@code text/csv}. */
  static SalesforceException unsupportedContentType(String contentType) {
    return new SalesforceException(
        415,
        ApiError.withoutFields(
            "UNSUPPORTED_MEDIA_TYPE",
            "Content-Type '" + contentType + "' is not supported; upload job data as text/csv"));
  }

  /** 400 for a results request with a bad {@code maxRecords} or {@code locator}. */
  static SalesforceException invalidParameter(String name, String value) {
    String code = name.equals("locator") ? "INVALID_QUERY_LOCATOR" : "INVALID_PARAMETER_VALUE";
    return new SalesforceException(
        400, ApiError.withoutFields(code, "Invalid value for " + name + ": " + value));
  }
}
