package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Iterates a query's records page by page: the first page is fetched on the first {@link
 * #hasNext()}, each next page ({@code nextRecordsUrl}) only when the previous one is used up, so
 * memory holds one page whatever the result size.
 */
final class QueryPages implements Iterator<SObjectRecord> {

  private final ApiCalls transport;
  private final String batchSizeOption;
  private String nextUrl;
  private JsonNode page;
  private int index;
  private long totalSize = -1;

  QueryPages(ApiCalls transport, String firstUrl, int batchSize) {
    this.transport = transport;
    this.nextUrl = firstUrl;
    this.batchSizeOption = "batchSize=" + batchSize;
  }

  @Override
  public boolean hasNext() {
    while ((page == null || index >= page.size()) && nextUrl != null) {
      fetch(nextUrl);
    }
    return page != null && index < page.size();
  }

  @Override
  public SObjectRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return new SObjectRecord((ObjectNode) page.get(index++));
  }

  /** The query's full result size, known once the first page arrived; -1 before. */
  long totalSize() {
    return totalSize;
  }

  private void fetch(String url) {
    ApiRequest request = ApiRequest.get(url).header("Sforce-Query-Options", batchSizeOption);
    JsonNode body = transport.json(request);
    totalSize = body.path("totalSize").asLong(totalSize);
    page = body.path("records");
    index = 0;
    boolean done = body.path("done").asBoolean(true);
    nextUrl =
        done || body.path("nextRecordsUrl").isNull()
            ? null
            : body.path("nextRecordsUrl").asText(null);
  }
}
