package io.pgforce.salesforce.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.pgforce.salesforce.http.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescribeParsingTest {

  private static final String DESCRIBE =
      """
      {"name":"Account","label":"Account","labelPlural":"Accounts","keyPrefix":"001","custom":false,
       "createable":true,"updateable":true,"deletable":true,"queryable":true,"replicateable":true,
       "childRelationships":[],"recordTypeInfos":[],"urls":{},
       "fields":[
        {"name":"Id","label":"Account ID","type":"id","soapType":"tns:ID","length":18,"byteLength":18,
         "precision":0,"scale":0,"digits":0,"nillable":false,"createable":false,"updateable":false,
         "defaultedOnCreate":true,"calculated":false,"externalId":false,"idLookup":true,"unique":false,
         "custom":false,"referenceTo":[],"relationshipName":null,"compoundFieldName":null,"picklistValues":[],
         "someFutureProperty":"ignored"},
        {"name":"Industry","label":"Industry","type":"picklist","soapType":"xsd:string","length":255,
         "nillable":true,"createable":true,"updateable":true,"referenceTo":[],
         "picklistValues":[{"active":true,"defaultValue":false,"label":"Banking","validFor":null,"value":"Banking"}]},
        {"name":"ParentId","label":"Parent Account ID","type":"reference","soapType":"tns:ID","length":18,
         "referenceTo":["Account"],"relationshipName":"Parent"},
        {"name":"BillingCity","type":"string","length":40,"compoundFieldName":"BillingAddress"}
       ]}
      """;

  @Test
  void readsObjectAndFieldProperties() throws Exception {
    SObjectDescribe account = Json.MAPPER.readValue(DESCRIBE, SObjectDescribe.class);

    assertThat(account.name()).isEqualTo("Account");
    assertThat(account.keyPrefix()).isEqualTo("001");
    assertThat(account.replicateable()).isTrue();
    assertThat(account.fields())
        .extracting(FieldDescribe::name)
        .containsExactly("Id", "Industry", "ParentId", "BillingCity");
    FieldDescribe id = account.field("id").orElseThrow();
    assertThat(id.type()).isEqualTo("id");
    assertThat(id.idLookup()).isTrue();
    assertThat(id.createable()).isFalse();
    assertThat(account.field("Industry").orElseThrow().picklistValues())
        .containsExactly(new PicklistValue("Banking", "Banking", true, false));
    assertThat(account.field("ParentId").orElseThrow().referenceTo()).containsExactly("Account");
    assertThat(account.field("ParentId").orElseThrow().relationshipName()).isEqualTo("Parent");
    assertThat(account.field("BillingCity").orElseThrow().compoundFieldName())
        .isEqualTo("BillingAddress");
    assertThat(account.field("Nope")).isEmpty();
  }

  @Test
  void readsDescribeGlobalEntries() throws Exception {
    String json =
        "[{\"name\":\"Invoice__c\",\"label\":\"Invoice\",\"labelPlural\":\"Invoices\",\"keyPrefix\":\"a0X\","
            + "\"custom\":true,\"createable\":true,\"queryable\":true,\"replicateable\":true,\"urls\":{}}]";

    List<SObjectSummary> summaries = Json.MAPPER.readValue(json, new TypeReference<>() {});

    assertThat(summaries.get(0).name()).isEqualTo("Invoice__c");
    assertThat(summaries.get(0).custom()).isTrue();
    assertThat(summaries.get(0).deletable()).isFalse();
  }

  @Test
  void readsLimitsByName() throws Exception {
    Limits limits =
        Limits.fromJson(
            Json.MAPPER.readTree(
                "{\"DailyApiRequests\":{\"Max\":15000,\"Remaining\":14998},\"DataStorageMB\":{\"Max\":5,\"Remaining\":5}}"));

    assertThat(limits.get("DailyApiRequests"))
        .hasValueSatisfying(l -> assertThat(l.used()).isEqualTo(2));
    assertThat(limits.get("Nope")).isEmpty();
  }
}
