package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient.Response;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Contract of sObject Collections. */
class CollectionsIT extends EmulatorTestBase {

  private static final String PATH = V + "/composite/sobjects";

  @Test
  void createReturnsOneResultPerRecordInOrder() {
    Response response =
        api.post(
            PATH,
            "{\"allOrNone\":false,\"records\":["
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"},"
                + "{\"attributes\":{\"type\":\"Contact\"}},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"C\"}]}");
    assertThat(response.status()).isEqualTo(200);
    JsonNode results = response.json();
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("id").asText()).startsWith("001");
    assertThat(results.get(0).get("success").asBoolean()).isTrue();
    assertThat(results.get(1).has("id")).isFalse();
    JsonNode error = results.get(1).get("errors").get(0);
    assertThat(error.get("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(error.has("errorCode")).isFalse();
    assertThat(error.get("fields").get(0).asText()).isEqualTo("LastName");
    assertThat(results.get(2).get("id").asText()).startsWith("003");
  }

  @Test
  void allOrNoneRollsBackTheOthers() {
    JsonNode results =
        api.post(
                PATH,
                "{\"allOrNone\":true,\"records\":["
                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"},"
                    + "{\"attributes\":{\"type\":\"Account\"}}]}")
            .json();
    assertThat(results.get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(emulator.store().count("Account")).isZero();
  }

  @Test
  void updateNeedsIdsAndReportsEach() {
    String id = create("Account", "{\"Name\":\"A\"}");
    JsonNode results =
        api.patch(
                PATH,
                "{\"records\":["
                    + "{\"attributes\":{\"type\":\"Account\"},\"id\":\""
                    + id
                    + "\",\"Name\":\"B\"},"
                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"C\"},"
                    + "{\"attributes\":{\"type\":\"Account\"},\"id\":\"001bad\",\"Name\":\"D\"}]}")
            .json();
    assertThat(results.get(0).get("id").asText()).isEqualTo(id);
    assertThat(results.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("MISSING_ARGUMENT");
    assertThat(results.get(2).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("MALFORMED_ID");
    assertThat(api.get(V + "/sobjects/Account/" + id).json().get("Name").asText()).isEqualTo("B");
  }

  @Test
  void upsertReportsCreatedPerRecord() {
    String id = create("Account", "{\"Name\":\"A\",\"Ext_Id__c\":\"E1\"}");
    JsonNode results =
        api.patch(
                PATH + "/Account/Ext_Id__c",
                "{\"records\":["
                    + "{\"attributes\":{\"type\":\"Account\"},\"Ext_Id__c\":\"E1\",\"Name\":\"A2\"},"
                    + "{\"attributes\":{\"type\":\"Account\"},\"Ext_Id__c\":\"E2\",\"Name\":\"B\"}]}")
            .json();
    assertThat(results.get(0).get("id").asText()).isEqualTo(id);
    assertThat(results.get(0).get("created").asBoolean()).isFalse();
    assertThat(results.get(1).get("created").asBoolean()).isTrue();
    assertThat(api.patch(PATH + "/Account/Name", "{\"records\":[]}").status()).isEqualTo(404);
  }

  @Test
  void deleteTakesIdsAndAllOrNone() {
    String a = create("Account", "{\"Name\":\"A\"}");
    JsonNode results = api.delete(PATH + "?ids=" + a + ",001bad&allOrNone=false").json();
    assertThat(results.get(0).get("success").asBoolean()).isTrue();
    assertThat(results.get(1).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("MALFORMED_ID");
    assertThat(api.delete(PATH).status()).isEqualTo(400);
  }

  @Test
  void moreThan200RecordsIsRefused() {
    String records =
        IntStream.range(0, 201)
            .mapToObj(i -> "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"N" + i + "\"}")
            .collect(Collectors.joining(","));
    Response response = api.post(PATH, "{\"records\":[" + records + "]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get(0).get("errorCode").asText()).isEqualTo("EXCEEDED_ID_LIMIT");
  }

  @Test
  void retrieveReturnsRecordsAndNullsInIdOrder() {
    String a = create("Account", "{\"Name\":\"A\"}");
    JsonNode results =
        api.get(PATH + "/Account?ids=" + a + ",001000000000000AAA&fields=Name").json();
    assertThat(results.get(0).get("Name").asText()).isEqualTo("A");
    assertThat(results.get(1).isNull()).isTrue();
  }
}
