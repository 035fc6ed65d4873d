package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.soql.QueryResult;
import io.pgforce.emulator.store.StoredRecord;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query} and {@code queryAll}: the first page of a SOQL query, then further pages through
 * {@code nextRecordsUrl} locators. The page size follows {@code Sforce-Query-Options: batchSize=N}
 * (200 to 2000, default 2000). As in Salesforce, queryAll's next pages are read at {@code /query}.
 */
public final class QueryApi implements ApiArea {

  static final int DEFAULT_BATCH = 2000;
  static final int MIN_BATCH = 200;
  private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");
  private static final Pattern LOCATOR = Pattern.compile("^(01g[0-9A-Za-z]{15})-(\\d+)$");

  private final OrgServices org;
  private final QueryCursors cursors;

  public QueryApi(OrgServices org) {
    this.org = org;
    this.cursors = new QueryCursors(org.clock());
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/services/data/{version}/query", ctx -> firstPage(ctx, false));
    config.routes.get("/services/data/{version}/queryAll", ctx -> firstPage(ctx, true));
    config.routes.get("/services/data/{version}/query/{locator}", this::nextPage);
    config.routes.get("/services/data/{version}/queryAll/{locator}", this::nextPage);
  }

  /** Forgets every open cursor (the org was reset). */
  @Override
  public void reset() {
    cursors.clear();
  }

  private void firstPage(Context ctx, boolean queryAll) {
    String soql = ctx.queryParam("q");
    if (soql == null || soql.isBlank()) {
      throw Errors.badRequest("MALFORMED_QUERY", "A query string has to be specified");
    }
    QueryResult result = org.queries().execute(soql, queryAll);
    int batch = batchSize(ctx.header("Sforce-Query-Options"));
    String locator = result.records().size() > batch ? cursors.open(result, batch) : null;
    sendPage(ctx, result, locator, 0, batch);
  }

  private void nextPage(Context ctx) {
    Matcher m = LOCATOR.matcher(ctx.pathParam("locator"));
    QueryCursors.Cursor cursor = m.matches() ? cursors.get(m.group(1)).orElse(null) : null;
    if (cursor == null) {
      throw Errors.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
    }
    int from = Integer.parseInt(m.group(2));
    sendPage(ctx, cursor.result, m.group(1), from, cursor.batchSize);
  }

  private void sendPage(Context ctx, QueryResult result, String locator, int from, int batch) {
    CallContext call = CallContext.of(ctx);
    List<StoredRecord> records = result.records();
    int start = Math.min(from, records.size());
    int end = Math.min(start + batch, records.size());
    ObjectNode body = Json.object();
    body.put("totalSize", result.totalSize());
    body.put("done", end >= records.size());
    if (end < records.size()) {
      body.put("nextRecordsUrl", call.dataPath() + "/query/" + locator + "-" + end);
    }
    ArrayNode rows = body.putArray("records");
    for (StoredRecord record : records.subList(start, end)) {
      rows.add(RecordJson.queryRow(record, result.plan(), call.dataPath(), org.store()));
    }
    Json.send(ctx, 200, body);
  }

  /** The page size a client asked for, kept within Salesforce's bounds. */
  static int batchSize(String queryOptions) {
    if (queryOptions == null) {
      return DEFAULT_BATCH;
    }
    Matcher m = BATCH_SIZE.matcher(queryOptions);
    if (!m.find()) {
      return DEFAULT_BATCH;
    }
    try {
      return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, Integer.parseInt(m.group(1))));
    } catch (NumberFormatException e) {
      return DEFAULT_BATCH;
    }
  }
}
