package io.pgforce.salesforce.bulk;

import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Bulk API 2.0 query jobs: create, wait for JobComplete, then page through the results with {@code
 * Sforce-Locator} until it says {@code null}, handing each page's body to the consumer while it
 * streams.
 */
final class QueryJobs {

  private static final String LAST_PAGE = "null";

  private final ApiCalls transport;
  private final JobLifecycle lifecycle;
  private final int maxRecordsPerPage;

  QueryJobs(ApiCalls transport, JobLifecycle lifecycle, int maxRecordsPerPage) {
    this.transport = transport;
    this.lifecycle = lifecycle;
    this.maxRecordsPerPage = maxRecordsPerPage;
  }

  long run(String soql, boolean queryAll, BulkPageConsumer consumer, CancelHandle cancel) {
    String jobId = create(soql, queryAll);
    String jobPath = transport.dataPath("/jobs/query/" + jobId);
    lifecycle.complete(jobPath, cancel, () -> {});
    return streamPages(jobId, jobPath, consumer, cancel);
  }

  private String create(String soql, boolean queryAll) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("operation", queryAll ? "queryAll" : "query");
    body.put("query", soql);
    body.put("contentType", "CSV");
    body.put("columnDelimiter", "COMMA");
    body.put("lineEnding", "LF");
    return transport
        .json(ApiRequest.post(transport.dataPath("/jobs/query")).json(body))
        .path("id")
        .asText();
  }

  private long streamPages(
      String jobId, String jobPath, BulkPageConsumer consumer, CancelHandle cancel) {
    long records = 0;
    String locator = null;
    do {
      cancel.check();
      try (ApiResponse page = transport.open(pageRequest(jobPath, locator))) {
        deliver(jobId, consumer, page);
        records += page.header("Sforce-NumberOfRecords").map(Long::parseLong).orElse(0L);
        locator =
            page.header("Sforce-Locator")
                .filter(l -> !l.isEmpty() && !LAST_PAGE.equals(l))
                .orElse(null);
      }
    } while (locator != null);
    return records;
  }

  private ApiRequest pageRequest(String jobPath, String locator) {
    StringBuilder url = new StringBuilder(jobPath).append("/results");
    char separator = '?';
    if (maxRecordsPerPage > 0) {
      url.append(separator).append("maxRecords=").append(maxRecordsPerPage);
      separator = '&';
    }
    if (locator != null) {
      url.append(separator).append("locator=").append(locator);
    }
    return ApiRequest.get(url.toString()).accept(ApiRequest.CSV);
  }

  private static void deliver(String jobId, BulkPageConsumer consumer, ApiResponse page) {
    RecordingInputStream body = new RecordingInputStream(page.body());
    try {
      consumer.accept(body);
    } catch (CancellationException | BulkConsumerException e) {
      throw e;
    } catch (Exception e) {
      throw consumerFailure(jobId, body, e);
    }
  }

  /** Sorts out why the consumer stopped: a cancel, the network, or the consumer itself. */
  private static RuntimeException consumerFailure(
      String jobId, RecordingInputStream body, Exception e) {
    if (e instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
      Thread.currentThread().interrupt();
      return new CancellationException("bulk query " + jobId + " interrupted");
    }
    if (body.failure().isPresent()) {
      return ErrorClassifier.transportFailure(
          "reading bulk results of " + jobId, body.failure().get());
    }
    return new BulkConsumerException(jobId, e);
  }
}
