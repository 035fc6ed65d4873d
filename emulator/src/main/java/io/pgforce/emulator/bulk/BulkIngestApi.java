package io.pgforce.emulator.bulk;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Bulk API 2.0 ingest jobs: create, upload CSV ({@code PUT .../batches}), close or abort, list,
 * get, delete, and the three result files ({@code successfulResults}, {@code failedResults}, {@code
 * unprocessedrecords}).
 */
public final class BulkIngestApi implements ApiArea {

  /** Salesforce's limit on one upload. */
  static final int MAX_UPLOAD_BYTES = 150 * 1024 * 1024;

  private static final String JOBS = "/services/data/{version}/jobs/ingest";
  private static final String JOB = JOBS + "/{jobId}";

  private final BulkJobs jobs;

  public BulkIngestApi(BulkJobs jobs) {
    this.jobs = jobs;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post(JOBS, this::create);
    config.routes.get(JOBS, ctx -> Json.send(ctx, 200, JobJson.list(jobs.list(IngestJob.class))));
    config.routes.get(JOB, ctx -> Json.send(ctx, 200, JobJson.detail(job(ctx))));
    config.routes.patch(JOB, this::changeState);
    config.routes.delete(JOB, this::delete);
    config.routes.put(JOB + "/batches", this::upload);
    config.routes.get(
        JOB + "/successfulResults", ctx -> results(ctx, IngestResults::writeSuccessful));
    config.routes.get(JOB + "/failedResults", ctx -> results(ctx, IngestResults::writeFailed));
    config.routes.get(
        JOB + "/unprocessedrecords", ctx -> results(ctx, IngestResults::writeUnprocessed));
  }

  @Override
  public void reset() {
    jobs.clear();
  }

  private void create(Context ctx) {
    JobSpec spec =
        JobRequests.ingest(
            Json.parseObject(ctx.body()), CallContext.of(ctx), jobs.store().schema());
    Json.send(ctx, 200, JobJson.summary(jobs.createIngest(spec)));
  }

  private void upload(Context ctx) throws IOException {
    IngestJob job = job(ctx);
    String contentType = ctx.header("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
      throw BulkErrors.unsupportedContentType(contentType);
    }
    byte[] data;
    try (InputStream in = ctx.req().getInputStream()) {
      data = in.readNBytes(MAX_UPLOAD_BYTES + 1);
    }
    if (data.length > MAX_UPLOAD_BYTES) {
      throw BulkErrors.invalidJob("The upload exceeds the limit of 150 MB");
    }
    if (!job.upload(data)) {
      throw BulkErrors.invalidState(job, "upload data");
    }
    ctx.status(201);
  }

  private void changeState(Context ctx) {
    IngestJob job = job(ctx);
    JobState requested = JobStateChange.requested(Json.parseObject(ctx.body()));
    if (requested == JobState.UPLOAD_COMPLETE) {
      jobs.closeIngest(job);
    } else if (!job.abort()) {
      throw BulkErrors.invalidState(job, "abort it");
    }
    Json.send(ctx, 200, JobJson.summary(job));
  }

  private void delete(Context ctx) {
    jobs.delete(job(ctx));
    ctx.status(204);
  }

  /** Writes one of the result files of the job (only headers before it is processed). */
  private void results(Context ctx, ResultsWriter writer) throws IOException {
    IngestJob job = job(ctx);
    IngestResults results = job.results().orElseGet(() -> new IngestResults(List.of(), List.of()));
    ctx.status(200);
    ctx.contentType("text/csv;charset=UTF-8");
    OutputStream out = ctx.res().getOutputStream();
    writer.write(results, out, job.dialect());
  }

  private IngestJob job(Context ctx) {
    return jobs.require(ctx.pathParam("jobId"), IngestJob.class);
  }

  /** One of the three result files. */
  @FunctionalInterface
  private interface ResultsWriter {
    void write(IngestResults results, OutputStream out, CsvDialect dialect) throws IOException;
  }
}
