package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient;
import org.junit.jupiter.api.Test;

/** REST and sObject Collections writes naming a parent by external id instead of by id. */
class ParentByExternalIdIT extends EmulatorTestBase {

  @Test
  void aRecordBodyNamesItsParentByExternalId() {
    String account = create("Account", "{\"Name\":\"Acme\",\"Ext_Id__c\":\"ACME-1\"}");
    String contact =
        create("Contact", "{\"LastName\":\"Smith\",\"Account\":{\"Ext_Id__c\":\"ACME-1\"}}");

    JsonNode record = api.get(V + "/sobjects/Contact/" + contact).json();
    assertThat(record.get("AccountId").asText()).isEqualTo(account);

    String other = create("Account", "{\"Name\":\"Globex\",\"Ext_Id__c\":\"GLX\"}");
    RestClient.Response moved =
        api.patch(
            V + "/sobjects/Contact/" + contact,
            "{\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Ext_Id__c\":\"GLX\"}}");
    assertThat(moved.status()).isEqualTo(204);
    assertThat(api.get(V + "/sobjects/Contact/" + contact).json().get("AccountId").asText())
        .isEqualTo(other);
  }

  @Test
  void anUnknownParentIsAnInvalidFieldError() {
    RestClient.Response refused =
        api.post(
            V + "/sobjects/Contact",
            "{\"LastName\":\"Smith\",\"Account\":{\"Ext_Id__c\":\"NOPE\"}}");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get(0).get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(refused.json().get(0).get("message").asText())
        .isEqualTo("Foreign key external ID: NOPE not found for field Ext_Id__c in entity Account");
  }

  @Test
  void collectionsResolveParentsPerRecord() {
    String account = create("Account", "{\"Name\":\"Acme\",\"Ext_Id__c\":\"ACME-1\"}");
    RestClient.Response results =
        api.post(
            V + "/composite/sobjects",
            "{\"records\":["
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"A\","
                + "\"Account\":{\"Ext_Id__c\":\"ACME-1\"}},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"B\","
                + "\"Account\":{\"Ext_Id__c\":\"NOPE\"}}]}");

    JsonNode body = results.json();
    assertThat(body.get(0).get("success").asBoolean()).isTrue();
    assertThat(body.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("INVALID_FIELD");
    String id = body.get(0).get("id").asText();
    assertThat(api.get(V + "/sobjects/Contact/" + id).json().get("AccountId").asText())
        .isEqualTo(account);
  }
}
