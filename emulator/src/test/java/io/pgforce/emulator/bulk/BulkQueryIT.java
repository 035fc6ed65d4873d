package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.RestClient;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 query jobs over HTTP: every endpoint and state, and the CSV they return. */
class BulkQueryIT extends BulkTestSupport {

  @Test
  void creatingAJobAnswersWithItsInfoInUploadComplete() {
    RestClient.Response created =
        api.post(QUERY_JOBS, "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\"}");

    assertThat(created.status()).isEqualTo(200);
    JsonNode job = created.json();
    assertThat(job.get("id").asText()).startsWith("750").hasSize(18);
    assertThat(job.get("operation").asText()).isEqualTo("query");
    assertThat(job.get("object").asText()).isEqualTo("Account");
    assertThat(job.get("createdById").asText()).isEqualTo(emulator.userId());
    assertThat(job.get("createdDate").asText()).isEqualTo("2024-06-03T12:00:00.000+0000");
    assertThat(job.get("state").asText()).isEqualTo("UploadComplete");
    assertThat(job.get("concurrencyMode").asText()).isEqualTo("Parallel");
    assertThat(job.get("contentType").asText()).isEqualTo("CSV");
    assertThat(job.get("apiVersion").decimalValue()).isEqualByComparingTo("60.0");
    assertThat(job.get("lineEnding").asText()).isEqualTo("LF");
    assertThat(job.get("columnDelimiter").asText()).isEqualTo("COMMA");
    assertThat(emulator.limits().get(BulkQueryApi.DAILY_QUERY_JOBS).used()).isEqualTo(1);
  }

  @Test
  void aCompletedJobReportsItsCountsAndWritesQuotedCsvInSelectOrder() {
    String account = create("Account", "{\"Name\":\"Acme \\\"Big\\\"\",\"NumberOfEmployees\":5}");
    create("Contact", "{\"LastName\":\"Smith\",\"AccountId\":\"" + account + "\"}");
    create("Contact", "{\"LastName\":\"Jones\",\"HasOptedOutOfEmail\":true}");
    String id =
        queryJob(
            "query",
            "SELECT LastName, Id, Account.Name, Account.NumberOfEmployees, Birthdate,"
                + " HasOptedOutOfEmail, CreatedDate FROM Contact ORDER BY LastName DESC");

    JsonNode info = awaitFinal(QUERY_JOBS, id);
    assertThat(info.get("state").asText()).isEqualTo("JobComplete");
    assertThat(info.get("jobType").asText()).isEqualTo("V2Query");
    assertThat(info.get("numberRecordsProcessed").asLong()).isEqualTo(2);
    assertThat(info.get("retries").asInt()).isZero();
    assertThat(info.has("totalProcessingTime")).isTrue();

    RestClient.Response page = api.get(QUERY_JOBS + "/" + id + "/results");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/csv");
    assertThat(page.header("Sforce-Locator")).isEqualTo("null");
    assertThat(page.header("Sforce-NumberOfRecords")).isEqualTo("2");
    String smith =
        emulator
            .queries()
            .execute("SELECT Id FROM Contact WHERE LastName = 'Smith'", false)
            .records()
            .get(0)
            .id();
    String jones =
        emulator
            .queries()
            .execute("SELECT Id FROM Contact WHERE LastName = 'Jones'", false)
            .records()
            .get(0)
            .id();
    assertThat(page.body())
        .isEqualTo(
            "\"LastName\",\"Id\",\"Account.Name\",\"Account.NumberOfEmployees\",\"Birthdate\","
                + "\"HasOptedOutOfEmail\",\"CreatedDate\"\n"
                + "\"Smith\",\""
                + smith
                + "\",\"Acme \"\"Big\"\"\",\"5\",,\"false\",\"2024-06-03T12:00:00.000Z\"\n"
                + "\"Jones\",\""
                + jones
                + "\",,,,\"true\",\"2024-06-03T12:00:00.000Z\"\n");
  }

  @Test
  void pagesFollowLocatorsAndTheLastOneSaysNull() {
    emulator.seed(25);
    String id = queryJob("query", "SELECT Id, Name FROM Account");
    awaitFinal(QUERY_JOBS, id);

    RestClient.Response first = api.get(QUERY_JOBS + "/" + id + "/results?maxRecords=10");
    assertThat(first.header("Sforce-NumberOfRecords")).isEqualTo("10");
    assertThat(first.header("Sforce-Locator")).isEqualTo("MTA");
    RestClient.Response second =
        api.get(QUERY_JOBS + "/" + id + "/results?maxRecords=10&locator=MTA");
    RestClient.Response last =
        api.get(
            QUERY_JOBS
                + "/"
                + id
                + "/results?maxRecords=10&locator="
                + second.header("Sforce-Locator"));
    assertThat(last.header("Sforce-NumberOfRecords")).isEqualTo("5");
    assertThat(last.header("Sforce-Locator")).isEqualTo("null");
    assertThat(last.body().lines()).hasSize(6).first().isEqualTo("\"Id\",\"Name\"");
    assertThat(api.get(QUERY_JOBS + "/" + id + "/results?maxRecords=10&locator=MTA").body())
        .isEqualTo(second.body());
  }

  @Test
  void resultsAreASnapshotAsOfCompletion() {
    String id1 = create("Account", "{\"Name\":\"Before\"}");
    String id2 = create("Account", "{\"Name\":\"Doomed\"}");
    String job = queryJob("query", "SELECT Id, Name FROM Account ORDER BY Name");
    awaitFinal(QUERY_JOBS, job);

    api.patch(V + "/sobjects/Account/" + id1, "{\"Name\":\"After\"}");
    api.delete(V + "/sobjects/Account/" + id2);
    create("Account", "{\"Name\":\"Newcomer\"}");

    assertThat(api.get(QUERY_JOBS + "/" + job + "/results").body())
        .isEqualTo("\"Id\",\"Name\"\n\"" + id1 + "\",\"Before\"\n\"" + id2 + "\",\"Doomed\"\n");
  }

  @Test
  void queryAllIncludesDeletedRecordsAndQueryDoesNot() {
    create("Account", "{\"Name\":\"Live\"}");
    String deleted = create("Account", "{\"Name\":\"Gone\"}");
    api.delete(V + "/sobjects/Account/" + deleted);

    String all = queryJob("queryAll", "SELECT Name, IsDeleted FROM Account ORDER BY Name");
    String live = queryJob("query", "SELECT Name, IsDeleted FROM Account ORDER BY Name");
    awaitFinal(QUERY_JOBS, all);
    awaitFinal(QUERY_JOBS, live);

    assertThat(api.get(QUERY_JOBS + "/" + all + "/results").body())
        .isEqualTo("\"Name\",\"IsDeleted\"\n\"Gone\",\"true\"\n\"Live\",\"false\"\n");
    assertThat(api.get(QUERY_JOBS + "/" + live + "/results").body())
        .isEqualTo("\"Name\",\"IsDeleted\"\n\"Live\",\"false\"\n");
  }

  @Test
  void badSoqlAndUnsupportedQueriesFailTheJobWithAnErrorMessage() {
    assertFails("SELECT Nope FROM Account", "INVALID_FIELD: ");
    assertFails("SELECT Id FROM", "MALFORMED_QUERY: ");
    assertFails(
        "SELECT BillingAddress FROM Account", "FUNCTIONALITY_NOT_ENABLED: Selecting compound");
    assertFails("SELECT COUNT() FROM Account", "FUNCTIONALITY_NOT_ENABLED: Aggregate");
    assertFails("SELECT Id FROM Account LIMIT 5 OFFSET 2", "FUNCTIONALITY_NOT_ENABLED: OFFSET");
  }

  @Test
  void resultsOfAFailedJobAreRefused() {
    String id = queryJob("query", "SELECT Nope FROM Account");
    awaitFinal(QUERY_JOBS, id);
    RestClient.Response results = api.get(QUERY_JOBS + "/" + id + "/results");
    assertThat(results.status()).isEqualTo(400);
    assertThat(results.json().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
  }

  @Test
  void aFinishedJobCannotBeAbortedButCanBeListedAndDeleted() {
    String id = queryJob("query", "SELECT Id FROM Account");
    awaitFinal(QUERY_JOBS, id);

    RestClient.Response abort = api.patch(QUERY_JOBS + "/" + id, "{\"state\":\"Aborted\"}");
    assertThat(abort.status()).isEqualTo(400);
    assertThat(abort.json().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
    assertThat(api.patch(QUERY_JOBS + "/" + id, "{\"state\":\"UploadComplete\"}").status())
        .isEqualTo(400);

    JsonNode list = api.get(QUERY_JOBS).json();
    assertThat(list.get("done").asBoolean()).isTrue();
    assertThat(list.get("records").findValuesAsText("id")).contains(id);

    assertThat(api.delete(QUERY_JOBS + "/" + id).status()).isEqualTo(204);
    assertThat(api.get(QUERY_JOBS + "/" + id).status()).isEqualTo(404);
    assertThat(api.get(QUERY_JOBS + "/" + id + "/results").status()).isEqualTo(404);
  }

  @Test
  void badRequestsGetBulkErrors() {
    assertThat(
            api.post(QUERY_JOBS, "{\"operation\":\"insert\",\"query\":\"SELECT Id FROM Account\"}")
                .json()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("INVALIDJOB");
    assertThat(api.post(QUERY_JOBS, "{\"operation\":\"query\"}").status()).isEqualTo(400);
    assertThat(
            api.post(
                    QUERY_JOBS,
                    "{\"operation\":\"query\",\"query\":\"SELECT Id FROM Account\","
                        + "\"columnDelimiter\":\"COLON\"}")
                .status())
        .isEqualTo(400);
    assertThat(api.post(QUERY_JOBS, "not json").json().get(0).get("errorCode").asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(api.get(QUERY_JOBS + "/750000000000000AAA").status()).isEqualTo(404);
    assertThat(anonymous.get(QUERY_JOBS).status()).isEqualTo(401);

    String id = queryJob("query", "SELECT Id FROM Account");
    awaitFinal(QUERY_JOBS, id);
    assertThat(api.get(QUERY_JOBS + "/" + id + "/results?maxRecords=0").status()).isEqualTo(400);
    assertThat(
            api.get(QUERY_JOBS + "/" + id + "/results?locator=bogus")
                .json()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("INVALID_QUERY_LOCATOR");
  }

  @Test
  void theJobsDelimiterAndLineEndingShapeTheResults() {
    create("Account", "{\"Name\":\"Acme\",\"Phone\":\"1\"}");
    RestClient.Response created =
        api.post(
            QUERY_JOBS,
            "{\"operation\":\"query\",\"query\":\"SELECT Name, Phone FROM Account\","
                + "\"columnDelimiter\":\"PIPE\",\"lineEnding\":\"CRLF\"}");
    String id = created.json().get("id").asText();
    awaitFinal(QUERY_JOBS, id);
    assertThat(api.get(QUERY_JOBS + "/" + id + "/results").body())
        .isEqualTo("\"Name\"|\"Phone\"\r\n\"Acme\"|\"1\"\r\n");
  }

  private void assertFails(String soql, String messageStart) {
    String id = queryJob("query", soql);
    JsonNode info = awaitFinal(QUERY_JOBS, id);
    assertThat(info.get("state").asText()).as(soql).isEqualTo("Failed");
    assertThat(info.get("errorMessage").asText()).as(soql).startsWith(messageStart);
  }
}
