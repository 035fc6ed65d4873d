package io.pgforce.emulator.bulk;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgLimits;
import io.pgforce.emulator.soql.QueryResult;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk API 2.0 query jobs: create, list, get, abort, delete, and results. Results are written page
 * by page straight to the response, {@code maxRecords} records at a time (50,000 by default), with
 * {@code Sforce-Locator} naming the next page ({@code null} on the last) and {@code
 * Sforce-NumberOfRecords} the page's size.
 */
public final class BulkQueryApi implements ApiArea {

  private static final Logger LOG = LoggerFactory.getLogger(BulkQueryApi.class);

  private static final String JOBS = "/services/data/{version}/jobs/query";
  private static final String JOB = JOBS + "/{jobId}";
  static final String DAILY_QUERY_JOBS = "DailyBulkV2QueryJobs";

  private final BulkJobs jobs;
  private final OrgLimits limits;

  public BulkQueryApi(BulkJobs jobs, OrgLimits limits) {
    this.jobs = jobs;
    this.limits = limits;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post(JOBS, this::create);
    config.routes.get(JOBS, ctx -> Json.send(ctx, 200, JobJson.list(jobs.list(QueryJob.class))));
    config.routes.get(JOB, ctx -> Json.send(ctx, 200, JobJson.detail(job(ctx))));
    config.routes.patch(JOB, this::abort);
    config.routes.delete(JOB, this::delete);
    config.routes.get(JOB + "/results", this::results);
  }

  @Override
  public void reset() {
    jobs.clear();
  }

  private void create(Context ctx) {
    JobSpec spec = JobRequests.query(Json.parseObject(ctx.body()), CallContext.of(ctx));
    QueryJob job = jobs.createQuery(spec);
    limits.use(DAILY_QUERY_JOBS, 1);
    // The answer shows the job as created (UploadComplete), before a worker picks it up.
    Json.send(ctx, 200, JobJson.summary(job));
    jobs.start(job);
  }

  private void abort(Context ctx) {
    QueryJob job = job(ctx);
    JobStateChange.requireAborted(Json.parseObject(ctx.body()));
    if (!job.abort()) {
      throw BulkErrors.invalidState(job, "abort it");
    }
    Json.send(ctx, 200, JobJson.summary(job));
  }

  private void delete(Context ctx) {
    jobs.delete(job(ctx));
    ctx.status(204);
  }

  private void results(Context ctx) throws IOException {
    QueryJob job = job(ctx);
    QueryResult result =
        job.result().orElseThrow(() -> BulkErrors.invalidState(job, "get its results yet"));
    QueryResultPages pages = new QueryResultPages(result, jobs.store());
    int from = offset(ctx.queryParam("locator"), pages.size());
    int to = (int) Math.min((long) from + maxRecords(ctx.queryParam("maxRecords")), pages.size());
    ctx.status(200);
    ctx.contentType("text/csv;charset=UTF-8");
    ctx.header("Sforce-Locator", to < pages.size() ? Locators.encode(to) : Locators.LAST_PAGE);
    ctx.header("Sforce-NumberOfRecords", Integer.toString(to - from));
    OutputStream out = ctx.res().getOutputStream();
    try {
      pages.write(out, job.dialect(), from, to);
    } catch (IOException e) {
      // The client went away mid-page (a reader stopping early): nothing to answer.
      LOG.debug("Results of job {} not fully sent: {}", job.id(), e.toString());
    }
  }

  private QueryJob job(Context ctx) {
    return jobs.require(ctx.pathParam("jobId"), QueryJob.class);
  }

  private static int offset(String locator, int size) {
    if (locator == null || locator.isEmpty()) {
      return 0;
    }
    return Locators.decode(locator)
        .filter(offset -> offset <= size)
        .orElseThrow(() -> BulkErrors.invalidParameter("locator", locator));
  }

  private static int maxRecords(String value) {
    if (value == null || value.isEmpty()) {
      return QueryResultPages.DEFAULT_PAGE;
    }
    try {
      int max = Integer.parseInt(value);
      if (max > 0) {
        return max;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw BulkErrors.invalidParameter("maxRecords", value);
  }
}
