package io.pgforce.salesforce.bulk;

import io.pgforce.salesforce.SalesforceConfig;
import io.pgforce.salesforce.http.ApiCalls;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Bulk API 2.0. Every call blocks until its job ends. To stop one early, cancel its {@link
 * CancelHandle} or interrupt the calling thread: the job is aborted in Salesforce and the call
 * throws {@link java.util.concurrent.CancellationException}.
 */
public final class Bulk {

  private final QueryJobs queries;
  private final IngestJobs ingests;

  public Bulk(ApiCalls transport, SalesforceConfig config) {
    JobLifecycle lifecycle = new JobLifecycle(transport, config.clock(), config.bulkJobTimeout());
    this.queries = new QueryJobs(transport, lifecycle, config.bulkMaxRecordsPerPage());
    this.ingests = new IngestJobs(transport, lifecycle);
  }

  /**
   * Runs a query job and hands each results page, raw CSV as it streams, to {@code consumer}.
   *
   * @param queryAll also return deleted and archived records
   * @return the number of records, as the pages' {@code Sforce-NumberOfRecords} headers add up
   */
  public long query(String soql, boolean queryAll, BulkPageConsumer consumer) {
    return query(soql, queryAll, consumer, CancelHandle.none());
  }

  public long query(String soql, boolean queryAll, BulkPageConsumer consumer, CancelHandle cancel) {
    return queries.run(soql, queryAll, consumer, cancel);
  }

  /** Runs a query job and hands each parsed row to {@code consumer}, in result order. */
  public long queryRows(String soql, boolean queryAll, BulkRowConsumer consumer) {
    return queryRows(soql, queryAll, consumer, CancelHandle.none());
  }

  public long queryRows(
      String soql, boolean queryAll, BulkRowConsumer consumer, CancelHandle cancel) {
    return queries.run(soql, queryAll, page -> BulkCsv.forEachRow(page, consumer), cancel);
  }

  /**
   * Runs an ingest job over CSV data (header row of API names; an empty cell leaves a field alone,
   * {@code #N/A} clears it).
   *
   * @param extIdField the external id field of an UPSERT; ignored by other operations
   */
  public IngestResult ingest(String sobject, Operation operation, String extIdField, String csv) {
    return ingest(sobject, operation, extIdField, csv, CancelHandle.none());
  }

  public IngestResult ingest(
      String sobject, Operation operation, String extIdField, String csv, CancelHandle cancel) {
    byte[] data = csv.getBytes(StandardCharsets.UTF_8);
    return ingests.run(sobject, operation, extIdField, data, cancel);
  }

  /**
   * Runs an ingest job over rows. A row without a key leaves that field alone; a null value clears
   * it.
   */
  public IngestResult ingest(
      String sobject, Operation operation, String extIdField, List<Map<String, Object>> rows) {
    return ingest(sobject, operation, extIdField, rows, CancelHandle.none());
  }

  public IngestResult ingest(
      String sobject,
      Operation operation,
      String extIdField,
      List<Map<String, Object>> rows,
      CancelHandle cancel) {
    return ingest(sobject, operation, extIdField, rows, ResultFiles.ALL, cancel);
  }

  /**
   * Runs an ingest job over rows, downloading only the result {@code files} asked for: a caller
   * that matches rows by the Id it sent needs only the failures, and saves a call and the download
   * of every saved row.
   */
  public IngestResult ingest(
      String sobject,
      Operation operation,
      String extIdField,
      List<Map<String, Object>> rows,
      ResultFiles files,
      CancelHandle cancel) {
    return ingests.run(sobject, operation, extIdField, BulkCsv.write(rows), files, cancel);
  }
}
