package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient.Response;
import org.junit.jupiter.api.Test;

/** Contract of upsert, retrieve and delete by external id. */
class ExternalIdIT extends EmulatorTestBase {

  private static final String EXT = V + "/sobjects/Account/Ext_Id__c/";

  @Test
  void upsertCreatesWith201ThenUpdatesWith200AndCreatedFalse() {
    Response created = api.patch(EXT + "E-1", "{\"Name\":\"One\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("created").asBoolean()).isTrue();
    assertThat(body.get("errors")).isEmpty();
    Response updated = api.patch(EXT + "e-1", "{\"Name\":\"Uno\"}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("created").asBoolean()).isFalse();
    assertThat(updated.json().get("id")).isEqualTo(body.get("id"));
    assertThat(api.get(EXT + "E-1").json().get("Name").asText()).isEqualTo("Uno");
  }

  @Test
  void upsertBeforeVersion46AnswersAnUpdateWith204() {
    api.patch(EXT + "E-1", "{\"Name\":\"One\"}");
    Response old =
        api.patch("/services/data/v45.0/sobjects/Account/Ext_Id__c/E-1", "{\"Name\":\"Uno\"}");
    assertThat(old.status()).isEqualTo(204);
  }

  @Test
  void severalMatchesAnswer300WithTheirUrls() {
    String a = create("Account", "{\"Name\":\"A\",\"Ext_Id__c\":\"DUP\"}");
    String b = create("Account", "{\"Name\":\"B\",\"Ext_Id__c\":\"DUP\"}");
    Response upsert = api.patch(EXT + "DUP", "{\"Name\":\"C\"}");
    assertThat(upsert.status()).isEqualTo(300);
    assertThat(upsert.json())
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(V + "/sobjects/Account/" + a, V + "/sobjects/Account/" + b);
    assertThat(api.get(EXT + "DUP").status()).isEqualTo(300);
  }

  @Test
  void unknownOrNonExternalFieldsAreNotFound() {
    Response unknown = api.patch(V + "/sobjects/Account/Nope__c/1", "{\"Name\":\"x\"}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get(0).get("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: Nope__c");
    assertThat(api.patch(V + "/sobjects/Account/Name/x", "{}").status()).isEqualTo(404);
    assertThat(api.get(EXT + "missing").status()).isEqualTo(404);
  }

  @Test
  void deleteAndIdAsTheFieldWork() {
    String id = create("Account", "{\"Name\":\"A\",\"Ext_Id__c\":\"X1\"}");
    assertThat(api.patch(V + "/sobjects/Account/Id/" + id, "{\"Name\":\"B\"}").status())
        .isEqualTo(204);
    assertThat(api.get(V + "/sobjects/Account/Id/" + id).json().get("Name").asText())
        .isEqualTo("B");
    assertThat(api.delete(EXT + "X1").status()).isEqualTo(204);
    assertThat(api.get(EXT + "X1").status()).isEqualTo(404);
  }

  @Test
  void customObjectsUpsertOnTheirUniqueExternalId() {
    String account = create("Account", "{\"Name\":\"A\"}");
    Response created =
        api.patch(
            V + "/sobjects/Invoice__c/Number__c/INV-1",
            "{\"Name\":\"First\",\"Account__c\":\"" + account + "\",\"Amount__c\":100}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode invoice = api.get(V + "/sobjects/Invoice__c/Number__c/INV-1").json();
    assertThat(invoice.get("Tax__c").asDouble()).isEqualTo(20.0);
    assertThat(invoice.get("Status__c").asText()).isEqualTo("Draft");
  }
}
