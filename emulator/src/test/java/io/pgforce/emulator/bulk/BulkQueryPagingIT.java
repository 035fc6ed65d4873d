package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A 200,000-record result read in pages of 30,000 over real HTTP: every record exactly once, the
 * locators chaining to {@code null}, and each page streamed (chunked, no Content-Length) rather
 * than built whole before sending.
 */
class BulkQueryPagingIT extends BulkTestSupport {

  private static final int RECORDS = 200_000;
  private static final int PAGE = 30_000;

  @Test
  void aLargeResultIsReadPageByPageWithChainedLocators() throws Exception {
    AccountRows.load(emulator.store(), RECORDS);
    String job = queryJob("query", "SELECT Id, Name, BillingCity, AnnualRevenue FROM Account");
    assertThat(awaitFinal(QUERY_JOBS, job).get("numberRecordsProcessed").asInt())
        .isEqualTo(RECORDS);

    Set<String> ids = new HashSet<>();
    List<String> locators = new ArrayList<>();
    String locator = null;
    do {
      HttpResponse<InputStream> page = page(job, locator);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Length")).isEmpty();
      int count =
          Integer.parseInt(page.headers().firstValue("Sforce-NumberOfRecords").orElseThrow());
      assertThat(readIds(page.body(), ids)).isEqualTo(count);
      locator = page.headers().firstValue("Sforce-Locator").orElseThrow();
      locators.add(locator);
    } while (!locator.equals("null"));

    assertThat(ids).hasSize(RECORDS);
    assertThat(locators).hasSize(7).last().isEqualTo("null");
    assertThat(locators.get(0)).isEqualTo(Locators.encode(PAGE));
  }

  private HttpResponse<InputStream> page(String job, String locator)
      throws IOException, InterruptedException {
    String query = "?maxRecords=" + PAGE + (locator == null ? "" : "&locator=" + locator);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + QUERY_JOBS + "/" + job + "/results" + query))
            .header("Authorization", "Bearer " + emulator.accessToken())
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
  }

  /** Reads a page line by line, as a client copying it to a database would, adding the ids. */
  private static int readIds(InputStream body, Set<String> ids) throws IOException {
    int rows = 0;
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(body))) {
      assertThat(lines.readLine()).isEqualTo("\"Id\",\"Name\",\"BillingCity\",\"AnnualRevenue\"");
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        assertThat(ids.add(line.substring(1, 19))).as("each record once").isTrue();
        rows++;
      }
    }
    return rows;
  }
}
