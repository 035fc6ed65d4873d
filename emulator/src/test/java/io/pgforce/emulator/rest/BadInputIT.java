package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import io.pgforce.emulator.testing.RestClient.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Malformed requests of many kinds: each gets a Salesforce-shaped 4xx, never a 500, and the server
 * keeps serving.
 */
class BadInputIT extends EmulatorTestBase {

  @Test
  void malformedBodiesAreRefusedWithSalesforceErrors() {
    String id = create("Account", "{\"Name\":\"A\"}");
    List<Response> responses =
        List.of(
            api.post(V + "/sobjects/Account", ""),
            api.post(V + "/sobjects/Account", "null"),
            api.post(V + "/sobjects/Account", "\"text\""),
            api.post(V + "/sobjects/Account", "{\"Name\":[1,2]}"),
            api.post(V + "/sobjects/Account", "{\"Name\":\"a\",\"AnnualRevenue\":1e400}"),
            api.post(V + "/sobjects/Account", "{\"Name\":\"a\",\"NumberOfEmployees\":99999999999}"),
            api.patch(V + "/sobjects/Account/" + id, "{\"Id\":\"001000000000009AAA\"}"),
            api.patch(V + "/sobjects/Account/" + id, "{\"IsDeleted\":true}"),
            api.post(V + "/composite/sobjects", "{}"),
            api.post(V + "/composite/sobjects", "{\"records\":[1]}"),
            api.post(V + "/composite/sobjects", "{\"records\":\"x\"}"),
            api.post(V + "/sobjects/Invoice__c", "{\"Name\":\"x\",\"Due__c\":\"31/12/2024\"}"),
            api.post(V + "/sobjects/Invoice__c", "{\"Name\":\"x\",\"Sent_At__c\":true}"),
            api.post(V + "/sobjects/Invoice__c", "{\"Name\":\"x\",\"Status__c\":\"Lost\"}"),
            api.post(V + "/sobjects/Invoice__c", "{\"Name\":\"x\",\"Contact_Email__c\":\"nope\"}"),
            api.post(V + "/sobjects/Invoice__c", "{\"Name\":\"x\",\"Reminder__c\":\"25:99\"}"));
    for (Response response : responses) {
      assertThat(response.status()).as(response.toString()).isBetween(400, 499);
      JsonNode error = response.json().get(0);
      assertThat(error.get("errorCode").asText()).as(response.toString()).isNotBlank();
      assertThat(error.get("message").asText()).isNotBlank();
    }
  }

  @Test
  void malformedUrlsAndQueriesAreRefused() {
    List<Response> responses =
        List.of(
            api.get(V + "/sobjects/Account/describe/nope"),
            api.get(V + "/query?q=" + RestClient.enc("SELECT")),
            api.get(V + "/query?q=" + RestClient.enc("SELECT Id FROM Account WHERE Name = ")),
            api.get(V + "/query?q=" + RestClient.enc("SELECT Id FROM Account LIMIT 99999999999")),
            api.get(V + "/query?q=" + RestClient.enc("SELECT Id FROM Account WHERE Id IN ()")),
            api.get(
                V + "/query?q=" + RestClient.enc("SELECT Id FROM Account WHERE Amount__c LIKE 1")),
            api.get(V + "/query?q=" + RestClient.enc("SELECT Id FROM Account WHERE Name < null")),
            api.get(V + "/query?q=" + RestClient.enc("SELECT Id, FROM Account")),
            api.get(V + "/query/garbage"),
            api.get(V + "/sobjects/Account/updated?start=yesterday&end=today"),
            api.get(V + "/composite/sobjects/Account?ids=x"),
            api.get("/services/data/vX/sobjects"),
            api.get("/services/data/v60.5/sobjects"));
    for (Response response : responses) {
      assertThat(response.status()).as(response.toString()).isBetween(200, 499);
      assertThat(response.status()).as(response.toString()).isNotEqualTo(500);
    }
    assertThat(api.get(V + "/limits").status()).isEqualTo(200);
  }

  @Test
  void missingOrWrongAuthorizationIsInvalidSession() {
    assertThat(anonymous.get(V + "/sobjects").status()).isEqualTo(401);
    assertThat(anonymous.withHeader("Authorization", "Basic abc").get(V + "/sobjects").status())
        .isEqualTo(401);
    assertThat(anonymous.withHeader("Authorization", "Bearer").get(V + "/sobjects").status())
        .isEqualTo(401);
    assertThat(anonymous.form("/services/oauth2/token", java.util.Map.of()).status())
        .isEqualTo(400);
    assertThat(
            anonymous
                .send(
                    "POST",
                    "/services/Soap/u/60.0",
                    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                    "text/xml")
                .body())
        .doesNotContain("root:");
  }
}
