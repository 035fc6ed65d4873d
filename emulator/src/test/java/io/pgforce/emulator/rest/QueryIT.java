package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import io.pgforce.emulator.testing.RestClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of query and queryAll, paging included. */
class QueryIT extends EmulatorTestBase {

  @Test
  void pagesFollowNextRecordsUrlWithTheRequestedBatchSize() {
    emulator.seed(450);
    RestClient paged = api.withHeader("Sforce-Query-Options", "batchSize=200");
    Response first = paged.get(V + "/query?q=" + RestClient.enc("SELECT Id, Name FROM Account"));
    assertThat(first.status()).isEqualTo(200);
    JsonNode page = first.json();
    assertThat(page.get("totalSize").asInt()).isEqualTo(450);
    assertThat(page.get("done").asBoolean()).isFalse();
    assertThat(page.get("records")).hasSize(200);
    assertThat(page.get("nextRecordsUrl").asText()).matches(V + "/query/01g[0-9A-Za-z]{15}-200");
    List<String> ids = new ArrayList<>();
    page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
    while (!page.get("done").asBoolean()) {
      page = api.get(page.get("nextRecordsUrl").asText()).json();
      page.get("records").forEach(r -> ids.add(r.get("Id").asText()));
    }
    assertThat(ids).hasSize(450).doesNotHaveDuplicates();
    assertThat(page.has("nextRecordsUrl")).isFalse();
  }

  @Test
  void recordsCarryAttributesAndNestParentFields() {
    String account = create("Account", "{\"Name\":\"Acme\"}");
    create("Contact", "{\"LastName\":\"Doe\",\"AccountId\":\"" + account + "\"}");
    create("Contact", "{\"LastName\":\"Roe\"}");
    JsonNode body = query("SELECT Id, LastName, Account.Name FROM Contact ORDER BY LastName");
    JsonNode doe = body.get("records").get(0);
    assertThat(RecordsIT.fieldNames(doe))
        .containsExactly("attributes", "Id", "LastName", "Account");
    assertThat(doe.get("Account").get("attributes").get("type").asText()).isEqualTo("Account");
    assertThat(doe.get("Account").get("Name").asText()).isEqualTo("Acme");
    assertThat(body.get("records").get(1).get("Account").isNull()).isTrue();
  }

  @Test
  void queryAllIncludesTheRecycleBinAndPagesThroughQuery() {
    String id = create("Account", "{\"Name\":\"Gone\"}");
    api.delete(V + "/sobjects/Account/" + id);
    assertThat(query("SELECT Id FROM Account").get("totalSize").asInt()).isZero();
    JsonNode all =
        api.get(V + "/queryAll?q=" + RestClient.enc("SELECT Id, IsDeleted FROM Account")).json();
    assertThat(all.get("totalSize").asInt()).isEqualTo(1);
    assertThat(all.get("records").get(0).get("IsDeleted").asBoolean()).isTrue();
    emulator.seed(2100);
    JsonNode big = api.get(V + "/queryAll?q=" + RestClient.enc("SELECT Id FROM Account")).json();
    assertThat(big.get("records")).hasSize(2000);
    assertThat(big.get("nextRecordsUrl").asText()).contains("/query/");
  }

  @Test
  void countAnswersTotalSizeWithoutRecords() {
    emulator.seed(7);
    JsonNode body = query("SELECT COUNT() FROM Account");
    assertThat(body.get("totalSize").asInt()).isEqualTo(7);
    assertThat(body.get("done").asBoolean()).isTrue();
    assertThat(body.get("records")).isEmpty();
  }

  @Test
  void badQueriesGetSalesforceErrorShapes() {
    Response malformed = api.get(V + "/query?q=" + RestClient.enc("SELECT Id FROM Account x y"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get(0).get("errorCode").asText()).isEqualTo("MALFORMED_QUERY");
    assertThat(malformed.json().get(0).has("fields")).isFalse();
    Response field = api.get(V + "/query?q=" + RestClient.enc("SELECT Nope FROM Account"));
    assertThat(field.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    Response type = api.get(V + "/query?q=" + RestClient.enc("SELECT Id FROM Nope"));
    assertThat(type.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_TYPE");
    assertThat(api.get(V + "/query").json().get(0).get("message").asText())
        .isEqualTo("A query string has to be specified");
    Response locator = api.get(V + "/query/01g000000000000AAA-2000");
    assertThat(locator.status()).isEqualTo(400);
    assertThat(locator.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_QUERY_LOCATOR");
  }

  @Test
  void customFieldsOfEveryTypeComeBackInWireFormat() {
    create(
        "Invoice__c",
        "{\"Name\":\"I\",\"Due__c\":\"2024-07-01\","
            + "\"Sent_At__c\":\"2024-06-01T10:15:30.123+02:00\",\"Reminder__c\":\"09:30:00\","
            + "\"Paid__c\":true,\"Lines__c\":\"3\",\"Rate__c\":12.5,\"Tags__c\":\"Urgent;Export\"}");
    JsonNode row =
        query(
                "SELECT Due__c, Sent_At__c, Reminder__c, Paid__c, Lines__c, Rate__c,"
                    + " Tags__c FROM Invoice__c WHERE Tags__c INCLUDES ('urgent')")
            .get("records")
            .get(0);
    assertThat(row.get("Due__c").asText()).isEqualTo("2024-07-01");
    assertThat(row.get("Sent_At__c").asText()).isEqualTo("2024-06-01T08:15:30.000+0000");
    assertThat(row.get("Reminder__c").asText()).isEqualTo("09:30:00.000Z");
    assertThat(row.get("Paid__c").asBoolean()).isTrue();
    assertThat(row.get("Lines__c").isInt()).isTrue();
    assertThat(row.get("Rate__c").asDouble()).isEqualTo(12.5);
    assertThat(row.get("Tags__c").asText()).isEqualTo("Urgent;Export");
  }

  private JsonNode query(String soql) {
    Response response = api.get(V + "/query?q=" + RestClient.enc(soql));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }
}
