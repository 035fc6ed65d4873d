package io.pgforce.salesforce.rest;

import io.pgforce.salesforce.http.ApiCalls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** SOQL over REST: {@code query} and {@code queryAll} as lazy streams, and counts. */
public final class Queries {

  private final ApiCalls transport;
  private final int batchSize;

  public Queries(ApiCalls transport, int batchSize) {
    this.transport = transport;
    this.batchSize = batchSize;
  }

  /** The records of a query, fetched page by page as the stream is consumed. */
  public Stream<SObjectRecord> query(String soql) {
    return stream(pages("/query", soql));
  }

  /** Like {@link #query(String)}, including deleted and archived records ({@code IsDeleted}). */
  public Stream<SObjectRecord> queryAll(String soql) {
    return stream(pages("/queryAll", soql));
  }

  /** The {@code totalSize} of a query, typically {@code SELECT COUNT() FROM ...}. */
  public long count(String soqlCountQuery) {
    QueryPages pages = pages("/query", soqlCountQuery);
    pages.hasNext();
    return pages.totalSize();
  }

  private QueryPages pages(String resource, String soql) {
    String url =
        transport.dataPath(resource + "?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
    return new QueryPages(transport, url, batchSize);
  }

  private static Stream<SObjectRecord> stream(QueryPages pages) {
    int characteristics = Spliterator.ORDERED | Spliterator.NONNULL;
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, characteristics), false);
  }
}
