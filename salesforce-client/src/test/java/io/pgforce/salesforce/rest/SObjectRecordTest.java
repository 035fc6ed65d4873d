package io.pgforce.salesforce.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.salesforce.http.Json;
import org.junit.jupiter.api.Test;

class SObjectRecordTest {

  private static SObjectRecord record(String json) throws Exception {
    return new SObjectRecord((ObjectNode) Json.MAPPER.readTree(json));
  }

  @Test
  void readsTypeIdAndFields() throws Exception {
    SObjectRecord contact =
        record(
            "{\"attributes\":{\"type\":\"Contact\",\"url\":\"/services/data/v60.0/sobjects/Contact/003RM0000068xV6YAI\"},"
                + "\"Id\":\"003RM0000068xV6YAI\",\"LastName\":\"Doe\",\"Email\":null,"
                + "\"Account\":{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\",\"Owner\":{\"Name\":\"Ann\"}}}");

    assertThat(contact.type()).isEqualTo("Contact");
    assertThat(contact.id()).contains("003RM0000068xV6YAI");
    assertThat(contact.get("LastName").asText()).isEqualTo("Doe");
    assertThat(contact.get("Account.Name").asText()).isEqualTo("Acme");
    assertThat(contact.get("account.owner.name").asText()).isEqualTo("Ann");
    assertThat(contact.get("Email").isNull()).isTrue();
    assertThat(contact.get("Phone").isMissingNode()).isTrue();
    assertThat(contact.text("Email")).isEmpty();
  }

  @Test
  void nullParentsLeaveTheirFieldsMissing() throws Exception {
    SObjectRecord contact = record("{\"attributes\":{\"type\":\"Contact\"},\"Account\":null}");
    assertThat(contact.get("Account.Name").isMissingNode()).isTrue();
  }

  @Test
  void takesTheIdFromTheUrlWhenTheQueryDidNotSelectIt() throws Exception {
    SObjectRecord account =
        record(
            "{\"attributes\":{\"type\":\"Account\",\"url\":\"/services/data/v60.0/sobjects/Account/001D000000IRFmaIAH\"},\"Name\":\"Test 1\"}");
    assertThat(account.id()).contains("001D000000IRFmaIAH");
  }
}
