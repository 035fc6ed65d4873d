package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of the single-record resources, against the wire-format reference. */
class RecordsIT extends EmulatorTestBase {

  @Test
  void createAnswers201WithIdSuccessAndNoErrors() {
    Response response = api.post(V + "/sobjects/Account", "{\"Name\":\"Acme\"}");
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.header("Sforce-Limit-Info")).matches("api-usage=\\d+/100000");
    JsonNode body = response.json();
    assertThat(body.get("id").asText()).matches("001[0-9A-Za-z]{15}");
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("errors")).isEmpty();
  }

  @Test
  void retrieveReturnsAttributesAndEveryFieldOrTheRequestedOnes() {
    String id = create("Account", "{\"Name\":\"Acme\",\"BillingCity\":\"Paris\"}");
    JsonNode full = api.get(V + "/sobjects/Account/" + id).json();
    assertThat(full.get("attributes").get("type").asText()).isEqualTo("Account");
    assertThat(full.get("attributes").get("url").asText()).isEqualTo(V + "/sobjects/Account/" + id);
    assertThat(full.get("Id").asText()).isEqualTo(id);
    assertThat(full.get("BillingAddress").get("city").asText()).isEqualTo("Paris");
    assertThat(full.get("CreatedDate").asText()).isEqualTo("2024-06-03T12:00:00.000+0000");
    assertThat(full.get("IsDeleted").asBoolean()).isFalse();
    JsonNode some = api.get(V + "/sobjects/Account/" + id + "?fields=Name,Id").json();
    assertThat(fieldNames(some)).containsExactly("attributes", "Name", "Id");
  }

  @Test
  void idsMatchIn15CharactersAndCaseInsensitivelyIn18() {
    String id = create("Account", "{\"Name\":\"Acme\"}");
    assertThat(api.get(V + "/sobjects/Account/" + id.substring(0, 15)).status()).isEqualTo(200);
    assertThat(api.get(V + "/sobjects/account/" + id.toLowerCase()).status()).isEqualTo(200);
  }

  @Test
  void updateAnswers204AndAcceptsTheMethodOverride() {
    String id = create("Account", "{\"Name\":\"Acme\"}");
    assertThat(api.patch(V + "/sobjects/Account/" + id, "{\"Name\":\"Acme 2\"}").status())
        .isEqualTo(204);
    assertThat(
            api.post(
                    V + "/sobjects/Account/" + id + "?_HttpMethod=PATCH",
                    "{\"Industry\":\"Retail\"}")
                .status())
        .isEqualTo(204);
    JsonNode record = api.get(V + "/sobjects/Account/" + id).json();
    assertThat(record.get("Name").asText()).isEqualTo("Acme 2");
    assertThat(record.get("Industry").asText()).isEqualTo("Retail");
  }

  @Test
  void deleteAnswers204ThenEntityIsDeleted() {
    String id = create("Account", "{\"Name\":\"Acme\"}");
    assertThat(api.delete(V + "/sobjects/Account/" + id).status()).isEqualTo(204);
    Response again = api.delete(V + "/sobjects/Account/" + id);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.json())
        .isEqualTo(
            json(
                "[{\"message\":\"entity is deleted\",\"errorCode\":\"ENTITY_IS_DELETED\",\"fields\":[]}]"));
    assertThat(api.get(V + "/sobjects/Account/" + id).status()).isEqualTo(404);
  }

  @Test
  void unknownObjectsAndIdsAreNotFound() {
    assertThat(api.post(V + "/sobjects/Nope", "{}").status()).isEqualTo(404);
    Response malformed = api.get(V + "/sobjects/Account/notanid");
    assertThat(malformed.status()).isEqualTo(404);
    assertThat(malformed.json().get(0).get("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: notanid");
    Response missing = api.get(V + "/sobjects/Account/001000000000000AAA");
    assertThat(missing.json())
        .isEqualTo(
            json(
                "[{\"message\":\"The requested resource does not exist\",\"errorCode\":\"NOT_FOUND\"}]"));
  }

  @Test
  void validationErrorsCarryCodeMessageAndFields() {
    assertError(
        api.post(V + "/sobjects/Contact", "{}"),
        400,
        "REQUIRED_FIELD_MISSING",
        "Required fields are missing: [LastName]",
        List.of("LastName"));
    assertError(
        api.post(V + "/sobjects/Account", "{\"Name\":\"" + "x".repeat(256) + "\"}"),
        400,
        "STRING_TOO_LONG",
        null,
        List.of("Name"));
    assertError(
        api.post(V + "/sobjects/Account", "{\"Name\":\"a\",\"Id\":\"001000000000001\"}"),
        400,
        "INVALID_FIELD",
        "cannot specify Id in an insert call",
        List.of("Id"));
    assertError(
        api.post(V + "/sobjects/Account", "{\"Name\":\"a\",\"CreatedDate\":null}"),
        400,
        "INVALID_FIELD_FOR_INSERT_UPDATE",
        null,
        List.of("CreatedDate"));
    assertError(
        api.post(V + "/sobjects/Contact", "{\"LastName\":\"a\",\"AccountId\":\"x\"}"),
        400,
        "MALFORMED_ID",
        "Account ID: id value of incorrect type: x",
        List.of("AccountId"));
    assertError(
        api.post(
            V + "/sobjects/Contact", "{\"LastName\":\"a\",\"AccountId\":\"001000000000000AAA\"}"),
        400,
        "INVALID_CROSS_REFERENCE_KEY",
        "invalid cross reference id",
        List.of());
  }

  @Test
  void badJsonIsAJsonParserError() {
    Response response = api.post(V + "/sobjects/Account", "{\"Name\":");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(response.json().get(0).get("message").asText()).contains("[line:1, column:");
    assertThat(api.post(V + "/sobjects/Account", "[1]").json().get(0).get("errorCode").asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(api.post(V + "/sobjects/Account", "{\"Name\":{\"a\":1}}").status()).isEqualTo(400);
    assertThat(
            api.post(V + "/sobjects/Account", "{\"Name\":\"a\",\"NumberOfEmployees\":\"many\"}")
                .json()
                .get(0)
                .get("errorCode")
                .asText())
        .isEqualTo("JSON_PARSER_ERROR");
  }

  @Test
  void changesRecordTheCallersClientName() {
    java.util.List<io.pgforce.emulator.store.ChangeEvent> events =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    io.pgforce.emulator.store.ChangeListener listener = events::add;
    emulator.store().addChangeListener(listener);
    try {
      String id =
          api.withHeader("Sforce-Call-Options", "client=pgforce-sync")
              .post(V + "/sobjects/Account", "{\"Name\":\"Acme\"}")
              .json()
              .get("id")
              .asText();
      api.patch(V + "/sobjects/Account/" + id, "{\"Name\":\"Other\"}");
      assertThat(events).hasSize(2);
      assertThat(events.get(0).clientId()).contains("pgforce-sync");
      assertThat(events.get(0).userId()).isEqualTo(emulator.userId());
      assertThat(events.get(1).clientId()).isEmpty();
      assertThat(events.get(1).changedFields()).contains("Name");
    } finally {
      emulator.store().removeChangeListener(listener);
    }
  }

  @Test
  void methodsTheResourceDoesNotHaveAre405() {
    Response response = api.send("PUT", V + "/sobjects/Account", "{}", "application/json");
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.json().get(0).get("errorCode").asText()).isEqualTo("METHOD_NOT_ALLOWED");
  }

  private static void assertError(
      Response response, int status, String code, String message, List<String> fields) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode error = response.json().get(0);
    assertThat(error.get("errorCode").asText()).isEqualTo(code);
    if (message != null) {
      assertThat(error.get("message").asText()).isEqualTo(message);
    }
    assertThat(error.get("fields")).extracting(JsonNode::asText).containsExactlyElementsOf(fields);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode json(String text) {
    try {
      return io.pgforce.emulator.testing.RestClient.JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
