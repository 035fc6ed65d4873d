package io.pgforce.salesforce.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.salesforce.FakeApiCalls;
import io.pgforce.salesforce.FakeClock;
import io.pgforce.salesforce.error.RetriableSalesforceException;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryJobsTest {

  private static final String JOB = "/services/data/v60.0/jobs/query/750R0000000zlh9IAA";
  private static final String PAGE_1 = "\"Id\",\"Name\"\n\"001A\",\"Acme\"\n\"001B\",\"Beta\"\n";
  private static final String PAGE_2 = "\"Id\",\"Name\"\n\"001C\",\"Gamma, Inc.\"\n";

  private final AtomicInteger polls = new AtomicInteger();
  private final CancelHandle cancel = new CancelHandle();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static ApiResponse page(String csv, String locator, int records) {
    return ApiResponse.of(
        200,
        Map.of("Sforce-Locator", locator, "Sforce-NumberOfRecords", String.valueOf(records)),
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  /** A job that is InProgress once, then ends in {@code end}, with two result pages. */
  private Object org(ApiRequest request, String end) {
    String target = request.method() + " " + request.target();
    if (target.equals("POST /services/data/v60.0/jobs/query")) {
      return Map.of("id", "750R0000000zlh9IAA", "state", "UploadComplete");
    }
    if (target.equals("GET " + JOB)) {
      String state = polls.incrementAndGet() == 1 ? "InProgress" : end;
      return Map.of(
          "id", "750R0000000zlh9IAA", "state", state, "errorMessage", "InvalidBatch : bad");
    }
    if (target.equals("GET " + JOB + "/results?maxRecords=2")) {
      return page(PAGE_1, "MTAwMDA", 2);
    }
    if (target.equals("GET " + JOB + "/results?maxRecords=2&locator=MTAwMDA")) {
      return page(PAGE_2, "null", 1);
    }
    if (target.equals("PATCH " + JOB)) {
      return Map.of("id", "750R0000000zlh9IAA", "state", "Aborted");
    }
    throw new AssertionError("unexpected " + target);
  }

  private QueryJobs jobs(FakeApiCalls api) {
    return new QueryJobs(
        api, new JobLifecycle(api, FakeClock.at("2024-01-01T00:00:00Z"), Duration.ofHours(1)), 2);
  }

  @Test
  void streamsEachRawPageAndFollowsTheLocatorToTheEnd() {
    FakeApiCalls api = new FakeApiCalls(r -> org(r, "JobComplete"));
    List<String> pages = new ArrayList<>();

    long records =
        jobs(api)
            .run(
                "SELECT Id, Name FROM Account",
                true,
                page -> pages.add(new String(page.readAllBytes(), StandardCharsets.UTF_8)),
                cancel);

    assertThat(records).isEqualTo(3);
    assertThat(pages).containsExactly(PAGE_1, PAGE_2);
    assertThat(FakeApiCalls.body(api.requests.get(0)).path("operation").asText())
        .isEqualTo("queryAll");
    assertThat(FakeApiCalls.body(api.requests.get(0)).path("query").asText())
        .isEqualTo("SELECT Id, Name FROM Account");
    assertThat(api.requests.get(api.requests.size() - 1).accept()).isEqualTo("text/csv");
    assertThat(polls).hasValue(2);
  }

  @Test
  void parsesRowsAcrossPages() {
    FakeApiCalls api = new FakeApiCalls(r -> org(r, "JobComplete"));
    List<BulkRow> rows = new ArrayList<>();

    jobs(api)
        .run(
            "SELECT Id, Name FROM Account",
            false,
            page -> BulkCsv.forEachRow(page, rows::add),
            cancel);

    assertThat(rows)
        .extracting(r -> r.get("Name").orElseThrow())
        .containsExactly("Acme", "Beta", "Gamma, Inc.");
  }

  @Test
  void aFailedJobReportsSalesforcesReason() {
    FakeApiCalls api = new FakeApiCalls(r -> org(r, "Failed"));

    assertThatThrownBy(() -> jobs(api).run("SELECT Id FROM Account", false, page -> {}, cancel))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.errorCode()).isEqualTo("BULK_JOB_FAILED"))
        .hasMessageContaining("InvalidBatch : bad");
    assertThat(api.targets()).noneMatch(t -> t.contains("/results"));
  }

  @Test
  void cancellingAbortsTheJobInSalesforce() {
    FakeApiCalls api =
        new FakeApiCalls(
            r -> {
              Object answer = org(r, "JobComplete");
              cancel.cancel(); // another thread cancels while the job runs
              return answer;
            });

    assertThatThrownBy(() -> jobs(api).run("SELECT Id FROM Account", false, page -> {}, cancel))
        .isInstanceOf(CancellationException.class);
    assertThat(api.targets()).last().isEqualTo("PATCH " + JOB);
    assertThat(FakeApiCalls.body(api.requests.get(api.requests.size() - 1)).path("state").asText())
        .isEqualTo("Aborted");
  }

  @Test
  void anInterruptAbortsTheJobAndStaysVisible() {
    FakeApiCalls api =
        new FakeApiCalls(
            r -> {
              Object answer = org(r, "JobComplete");
              if (r.method().equals("GET")) {
                Thread.currentThread().interrupt();
              }
              return answer;
            });

    assertThatThrownBy(
            () -> jobs(api).run("SELECT Id FROM Account", false, page -> {}, CancelHandle.none()))
        .isInstanceOf(CancellationException.class);
    assertThat(api.targets()).last().isEqualTo("PATCH " + JOB);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aConsumerFailureIsTheConsumersAndALostConnectionIsRetriable() {
    FakeApiCalls consumerFails = new FakeApiCalls(r -> org(r, "JobComplete"));
    assertThatThrownBy(
            () ->
                jobs(consumerFails)
                    .run(
                        "SELECT Id FROM Account",
                        false,
                        page -> {
                          throw new IllegalStateException("COPY failed");
                        },
                        cancel))
        .isInstanceOf(BulkConsumerException.class)
        .hasMessageContaining("COPY failed");

    FakeApiCalls connectionDrops = new FakeApiCalls(breakFirstPage(r -> org(r, "JobComplete")));
    assertThatThrownBy(
            () ->
                jobs(connectionDrops)
                    .run(
                        "SELECT Id FROM Account",
                        false,
                        page -> {
                          try {
                            page.readAllBytes();
                          } catch (IOException e) {
                            throw new IllegalStateException("COPY aborted", e);
                          }
                        },
                        cancel))
        .isInstanceOf(RetriableSalesforceException.class)
        .hasMessageContaining("Connection reset");
  }

  private static Function<ApiRequest, Object> breakFirstPage(Function<ApiRequest, Object> answers) {
    return r -> {
      Object answer = answers.apply(r);
      if (!(answer instanceof ApiResponse) || !r.target().endsWith("maxRecords=2")) {
        return answer;
      }
      InputStream broken =
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("Connection reset");
            }
          };
      InputStream body =
          new SequenceInputStream(
              new ByteArrayInputStream("\"Id\"\n".getBytes(StandardCharsets.UTF_8)), broken);
      return ApiResponse.of(200, Map.of("Sforce-Locator", "null"), body);
    };
  }
}
