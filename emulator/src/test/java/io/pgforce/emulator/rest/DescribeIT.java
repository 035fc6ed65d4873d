package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract of the versions list, the resources directory, describeGlobal and describe. */
class DescribeIT extends EmulatorTestBase {

  @Test
  void versionsAreListedWithoutAuthenticationOrLimitHeader() {
    Response response = anonymous.get("/services/data/");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Sforce-Limit-Info")).isNull();
    JsonNode versions = response.json();
    JsonNode last = versions.get(versions.size() - 1);
    assertThat(last.get("version").asText()).isEqualTo("60.0");
    assertThat(last.get("label").asText()).isEqualTo("Spring '24");
    assertThat(last.get("url").asText()).isEqualTo("/services/data/v60.0");
    assertThat(versions)
        .anySatisfy(
            v ->
                assertThat(v)
                    .isEqualTo(
                        RecordsIT.json(
                            "{\"label\":\"Summer '14\",\"url\":\"/services/data/v31.0\",\"version\":\"31.0\"}")));
  }

  @Test
  void unknownVersionsAreNotFoundAndResourcesAreListed() {
    assertThat(api.get("/services/data/v99.0/sobjects").status()).isEqualTo(404);
    assertThat(api.get(V).json().get("query").asText()).isEqualTo(V + "/query");
  }

  @Test
  void describeGlobalListsEveryObjectWithItsUrls() {
    JsonNode body = api.get(V + "/sobjects").json();
    assertThat(body.get("encoding").asText()).isEqualTo("UTF-8");
    assertThat(body.get("maxBatchSize").asInt()).isEqualTo(200);
    Map<String, JsonNode> byName = new HashMap<>();
    body.get("sobjects").forEach(o -> byName.put(o.get("name").asText(), o));
    assertThat(byName)
        .containsKeys("Account", "Contact", "Opportunity", "Lead", "Case", "User", "Invoice__c");
    JsonNode account = byName.get("Account");
    assertThat(account.get("keyPrefix").asText()).isEqualTo("001");
    assertThat(account.get("urls").get("rowTemplate").asText())
        .isEqualTo(V + "/sobjects/Account/{ID}");
    assertThat(byName.get("Invoice__c").get("custom").asBoolean()).isTrue();
    assertThat(byName.get("User").get("deletable").asBoolean()).isFalse();
  }

  @Test
  void describeReportsFieldsWithCompoundAddresses() {
    JsonNode body = api.get(V + "/sobjects/Account/describe").json();
    assertThat(body.get("name").asText()).isEqualTo("Account");
    Map<String, JsonNode> fields = fields(body);
    JsonNode id = fields.get("Id");
    assertThat(id.get("type").asText()).isEqualTo("id");
    assertThat(id.get("idLookup").asBoolean()).isTrue();
    assertThat(id.get("createable").asBoolean()).isFalse();
    assertThat(id.get("defaultedOnCreate").asBoolean()).isTrue();
    JsonNode name = fields.get("Name");
    assertThat(name.get("byteLength").asInt()).isEqualTo(3 * name.get("length").asInt());
    assertThat(name.get("nillable").asBoolean()).isFalse();
    assertThat(fields.get("BillingAddress").get("type").asText()).isEqualTo("address");
    assertThat(fields.get("BillingCity").get("compoundFieldName").asText())
        .isEqualTo("BillingAddress");
    JsonNode modstamp = fields.get("SystemModstamp");
    assertThat(modstamp.get("createable").asBoolean()).isFalse();
    assertThat(modstamp.get("updateable").asBoolean()).isFalse();
    assertThat(modstamp.get("nillable").asBoolean()).isFalse();
    assertThat(fields.get("Ext_Id__c").get("externalId").asBoolean()).isTrue();
    assertThat(fields.get("Industry").get("picklistValues").get(0))
        .isEqualTo(
            RecordsIT.json(
                "{\"active\":true,\"defaultValue\":false,\"label\":\"Agriculture\",\"validFor\":null,"
                    + "\"value\":\"Agriculture\"}"));
    assertThat(body.get("childRelationships"))
        .anySatisfy(c -> assertThat(c.get("relationshipName").asText()).isEqualTo("Contacts"));
  }

  @Test
  void describeCarriesEveryKeyTheReferenceLists() {
    JsonNode body = api.get(V + "/sobjects/Contact/describe").json();
    assertThat(RecordsIT.fieldNames(body))
        .contains(
            "name",
            "label",
            "labelPlural",
            "keyPrefix",
            "custom",
            "createable",
            "updateable",
            "deletable",
            "queryable",
            "replicateable",
            "fields",
            "childRelationships",
            "recordTypeInfos",
            "urls");
    for (JsonNode field : body.get("fields")) {
      assertThat(RecordsIT.fieldNames(field))
          .contains(
              "name",
              "label",
              "type",
              "soapType",
              "length",
              "byteLength",
              "precision",
              "scale",
              "digits",
              "nillable",
              "createable",
              "updateable",
              "defaultedOnCreate",
              "calculated",
              "calculatedFormula",
              "externalId",
              "idLookup",
              "unique",
              "caseSensitive",
              "nameField",
              "autoNumber",
              "referenceTo",
              "relationshipName",
              "picklistValues",
              "restrictedPicklist",
              "filterable",
              "sortable",
              "groupable",
              "custom",
              "deprecatedAndHidden",
              "htmlFormatted",
              "encrypted",
              "compoundFieldName");
    }
    JsonNode accountId = fields(body).get("AccountId");
    assertThat(accountId.get("type").asText()).isEqualTo("reference");
    assertThat(accountId.get("soapType").asText()).isEqualTo("tns:ID");
    assertThat(accountId.get("relationshipName").asText()).isEqualTo("Account");
  }

  @Test
  void customObjectsDescribeTheirFieldsFromTheMetadataFile() {
    Map<String, JsonNode> fields = fields(api.get(V + "/sobjects/Invoice__c/describe").json());
    assertThat(fields.get("Tax__c").get("calculated").asBoolean()).isTrue();
    assertThat(fields.get("Tax__c").get("calculatedFormula").asText()).isEqualTo("Amount__c * 0.2");
    assertThat(fields.get("Amount__c").get("precision").asInt()).isEqualTo(16);
    assertThat(fields.get("Amount__c").get("scale").asInt()).isEqualTo(2);
    assertThat(fields.get("Account__c").get("referenceTo").get(0).asText()).isEqualTo("Account");
    assertThat(fields.get("Account__c").get("relationshipName").asText()).isEqualTo("Account__r");
    assertThat(fields.get("Number__c").get("unique").asBoolean()).isTrue();
    assertThat(fields.get("Status__c").get("restrictedPicklist").asBoolean()).isTrue();
  }

  @Test
  void ifModifiedSinceAnswers304WhenNothingChanged() {
    Response response =
        api.withHeader("If-Modified-Since", "Tue, 01 Jan 2030 00:00:00 GMT")
            .get(V + "/sobjects/Account/describe");
    assertThat(response.status()).isEqualTo(304);
    assertThat(
            api.withHeader("If-Modified-Since", "Tue, 01 Jan 2019 00:00:00 GMT")
                .get(V + "/sobjects/Account/describe")
                .status())
        .isEqualTo(200);
  }

  @Test
  void unknownObjectsAreNotFound() {
    assertThat(api.get(V + "/sobjects/Nope/describe").status()).isEqualTo(404);
    assertThat(api.get(V + "/sobjects/Account").json().get("objectDescribe").get("name").asText())
        .isEqualTo("Account");
  }

  private static Map<String, JsonNode> fields(JsonNode describe) {
    Map<String, JsonNode> byName = new HashMap<>();
    describe.get("fields").forEach(f -> byName.put(f.get("name").asText(), f));
    return byName;
  }
}
