package io.pgforce.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.store.StoredRecord;
import io.pgforce.emulator.testing.RestClient;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest jobs over HTTP: every operation, state and result file. */
class BulkIngestIT extends BulkTestSupport {

  private static final String INSERT_ACCOUNTS =
      "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"LF\"}";

  @Test
  void creatingAJobOpensItForUpload() {
    RestClient.Response created = api.post(INGEST_JOBS, INSERT_ACCOUNTS);
    JsonNode job = created.json();
    assertThat(created.status()).isEqualTo(200);
    assertThat(job.get("state").asText()).isEqualTo("Open");
    assertThat(job.get("object").asText()).isEqualTo("Account");
    assertThat(job.get("operation").asText()).isEqualTo("insert");
    assertThat(job.get("contentUrl").asText())
        .isEqualTo("services/data/v60.0/jobs/ingest/" + job.get("id").asText() + "/batches");
    assertThat(api.get(INGEST_JOBS + "/" + job.get("id").asText()).json().get("jobType").asText())
        .isEqualTo("V2Ingest");
  }

  @Test
  void insertSavesGoodRowsAndFailsABadRowAlone() {
    String id = ingestJob(INSERT_ACCOUNTS);
    upload(id, "Name,Phone\nAcme,555\n,666\nGlobex,\n");
    close(id);
    JsonNode info = awaitFinal(INGEST_JOBS, id);

    assertThat(info.get("state").asText()).isEqualTo("JobComplete");
    assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(3);
    assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);
    String successful = file(id, "successfulResults");
    assertThat(successful.lines().toList())
        .hasSize(3)
        .first()
        .isEqualTo("\"sf__Id\",\"sf__Created\",\"Name\",\"Phone\"");
    assertThat(successful.lines().skip(1))
        .allMatch(line -> line.matches("\"001\\w{15}\",\"true\",\"\\w+\",(\"555\")?"));
    assertThat(file(id, "failedResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Error\",\"Name\",\"Phone\"\n"
                + "\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",,"
                + "\"666\"\n");
    assertThat(file(id, "unprocessedrecords")).isEqualTo("\"Name\",\"Phone\"\n");
    assertThat(emulator.store().count("Account")).isEqualTo(2);
    assertThat(emulator.limits().get("DailyBulkApiBatches").used()).isEqualTo(1);
  }

  @Test
  void updateLeavesEmptyCellsAloneAndNullsHashNa() {
    String id = create("Account", "{\"Name\":\"Acme\",\"Phone\":\"555\",\"Website\":\"a.com\"}");
    JsonNode info =
        ingest(
            "{\"object\":\"Account\",\"operation\":\"update\"}",
            "Id,Name,Phone,Website\n" + id + ",Acme 2,,#N/A\n");

    assertThat(info.get("numberRecordsFailed").asInt()).isZero();
    StoredRecord record = emulator.store().find(id).orElseThrow();
    assertThat(record.getOrNull("Name")).isEqualTo("Acme 2");
    assertThat(record.getOrNull("Phone")).isEqualTo("555");
    assertThat(record.getOrNull("Website")).isNull();
  }

  @Test
  void updateWithoutAnIdFailsThatRow() {
    JsonNode info = ingest("{\"object\":\"Account\",\"operation\":\"update\"}", "Id,Name\n,Acme\n");
    assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);
    assertThat(file(info.get("id").asText(), "failedResults"))
        .contains("\"MISSING_ARGUMENT:Id not specified in an update call:--\"");
  }

  @Test
  void upsertCreatesOrUpdatesByExternalIdAndReportsWhich() {
    create("Account", "{\"Name\":\"Old\",\"Ext_Id__c\":\"A-1\"}");
    JsonNode info =
        ingest(
            "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext_Id__c\"}",
            "Ext_Id__c,Name\nA-1,Renamed\nA-2,Fresh\n");

    assertThat(info.get("externalIdFieldName").asText()).isEqualTo("Ext_Id__c");
    assertThat(file(info.get("id").asText(), "successfulResults").lines().skip(1))
        .extracting(line -> line.split(",")[1] + line.split(",")[2])
        .containsExactly("\"false\"\"A-1\"", "\"true\"\"A-2\"");
    assertThat(
            emulator.queries().execute("SELECT Name FROM Account ORDER BY Name", false).records())
        .extracting(r -> r.getOrNull("Name"))
        .containsExactly("Fresh", "Renamed");
  }

  @Test
  void aParentColumnNamesTheParentByExternalId() {
    String account = create("Account", "{\"Name\":\"Acme\",\"Ext_Id__c\":\"ACME-1\"}");
    JsonNode info =
        ingest(
            "{\"object\":\"Contact\",\"operation\":\"insert\"}",
            "LastName,Account.Ext_Id__c\nSmith,ACME-1\nJones,NOPE\n");

    assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);
    assertThat(
            emulator
                .queries()
                .execute("SELECT AccountId FROM Contact", false)
                .records()
                .get(0)
                .getOrNull("AccountId"))
        .isEqualTo(account);
    assertThat(file(info.get("id").asText(), "failedResults"))
        .contains(
            "INVALID_FIELD:Foreign key external ID: NOPE not found for field Ext_Id__c in entity"
                + " Account:--");
  }

  @Test
  void deleteSendsRecordsToTheRecycleBinAndHardDeleteRemovesThem() {
    String soft = create("Account", "{\"Name\":\"Soft\"}");
    String hard = create("Account", "{\"Name\":\"Hard\"}");
    ingest("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + soft + "\n");
    ingest("{\"object\":\"Account\",\"operation\":\"hardDelete\"}", "Id\n" + hard + "\n");

    assertThat(emulator.store().find(soft).orElseThrow().deleted()).isTrue();
    assertThat(emulator.store().find(hard)).isEmpty();
  }

  @Test
  void anUnknownHeaderFailsTheJobAndLeavesEveryRowUnprocessed() {
    JsonNode info = ingest(INSERT_ACCOUNTS, "Name,Nope__c\nAcme,x\nGlobex,y\n");

    assertThat(info.get("state").asText()).isEqualTo("Failed");
    assertThat(info.get("errorMessage").asText())
        .isEqualTo("InvalidBatch : Field name not found : Nope__c");
    assertThat(file(info.get("id").asText(), "unprocessedrecords"))
        .isEqualTo("\"Name\",\"Nope__c\"\n\"Acme\",\"x\"\n\"Globex\",\"y\"\n");
    assertThat(emulator.store().count("Account")).isZero();
  }

  @Test
  void malformedCsvFailsTheJob() {
    assertThat(ingest(INSERT_ACCOUNTS, "Name\r\nAcme\r\n").get("errorMessage").asText())
        .isEqualTo(
            "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is"
                + " LF");
    assertThat(ingest(INSERT_ACCOUNTS, "Name,Phone\nAcme\n").get("errorMessage").asText())
        .startsWith("ClientInputError : ");
    assertThat(ingest(INSERT_ACCOUNTS, "Name\n\"Acme\n").get("state").asText()).isEqualTo("Failed");
  }

  @Test
  void uploadsMustBeCsvToAnOpenJobAndOnlyOnce() {
    String id = ingestJob(INSERT_ACCOUNTS);
    RestClient.Response json =
        api.send("PUT", INGEST_JOBS + "/" + id + "/batches", "{}", "application/json");
    assertThat(json.status()).isEqualTo(415);

    upload(id, "Name\nA\n");
    upload(id, "Name\nB\n");
    RestClient.Response close = close(id);
    assertThat(close.status()).isEqualTo(400);
    assertThat(close.json().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOB");
    assertThat(close.json().get(0).get("message").asText()).startsWith("Found multipe contents");

    String closed = ingestJob(INSERT_ACCOUNTS);
    upload(closed, "Name\nA\n");
    close(closed);
    awaitFinal(INGEST_JOBS, closed);
    RestClient.Response late = upload(closed, "Name\nB\n");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
  }

  @Test
  void anOpenJobCanBeAbortedAndThenNotClosed() {
    String id = ingestJob(INSERT_ACCOUNTS);
    RestClient.Response aborted = api.patch(INGEST_JOBS + "/" + id, "{\"state\":\"Aborted\"}");
    assertThat(aborted.json().get("state").asText()).isEqualTo("Aborted");
    assertThat(close(id).json().get(0).get("errorCode").asText()).isEqualTo("INVALIDJOBSTATE");
    assertThat(api.patch(INGEST_JOBS + "/" + id, "{\"state\":\"Open\"}").status()).isEqualTo(400);
    assertThat(api.delete(INGEST_JOBS + "/" + id).status()).isEqualTo(204);
    assertThat(api.get(INGEST_JOBS).json().get("records")).isEmpty();
  }

  @Test
  void badJobRequestsAreRefused() {
    assertThat(error(api.post(INGEST_JOBS, "{\"object\":\"Nope\",\"operation\":\"insert\"}")))
        .isEqualTo("INVALIDJOB");
    assertThat(error(api.post(INGEST_JOBS, "{\"object\":\"Account\",\"operation\":\"merge\"}")))
        .isEqualTo("INVALIDJOB");
    RestClient.Response blankKey =
        api.post(INGEST_JOBS, "{\"object\":\"Account\",\"operation\":\"upsert\"}");
    assertThat(blankKey.json().get(0).get("message").asText())
        .isEqualTo(
            "External ID was blank for Account. An External ID must be specified for upsert.");
    assertThat(
            error(
                api.post(
                    INGEST_JOBS,
                    "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Name\"}")))
        .isEqualTo("INVALIDJOB");
    assertThat(api.get(QUERY_JOBS + "/" + ingestJob(INSERT_ACCOUNTS)).status()).isEqualTo(404);
  }

  @Test
  void ingestedChangesPublishChangeEventsNamingTheCreatingClient() {
    RestClient pgforce = api.withHeader("Sforce-Call-Options", "client=pgforce-bulk");
    String id = pgforce.post(INGEST_JOBS, INSERT_ACCOUNTS).json().get("id").asText();
    upload(id, "Name\nAcme\n");
    close(id);
    awaitFinal(INGEST_JOBS, id);

    assertThat(emulator.changeEvents().lastReplayId()).isPositive();
    assertThat(lastEventOrigin()).isEqualTo("com/salesforce/api/rest/60.0;client=pgforce-bulk");
  }

  private String lastEventOrigin() {
    io.pgforce.emulator.streaming.EventLogProbe probe =
        new io.pgforce.emulator.streaming.EventLogProbe(emulator.changeEvents());
    return probe.lastPayload().at("/ChangeEventHeader/changeOrigin").asText();
  }

  private static String error(RestClient.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    return response.json().get(0).get("errorCode").asText();
  }
}
