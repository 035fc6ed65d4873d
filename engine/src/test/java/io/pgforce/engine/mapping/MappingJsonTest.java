package io.pgforce.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.engine.ConfigurationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MappingJsonTest {

  private static final String HEROKU_EXPORT =
      """
      {
        "version": 1,
        "connection": {"app_name": "my-app", "organization_id": "00DE0000000L6REMA0",
                       "exported_at": "2016-02-05T17:52:17.733015+00:00"},
        "mappings": [{
          "object_name": "Contact",
          "config": {
            "access": "read_write",
            "sf_notify_enabled": false,
            "sf_polling_seconds": 600,
            "sf_max_daily_api_calls": 30000,
            "fields": {"Id": {}, "IsDeleted": {}, "SystemModstamp": {}, "LastName": {}, "External_ID__c": {}},
            "indexes": {"Id": {"unique": true}, "SystemModstamp": {"unique": false}, "External_ID__c": {"unique": true}},
            "upsert_field": "External_ID__c"
          }
        }]
      }
      """;

  @Test
  void readsHerokuConnectExport() {
    MappingDocument doc = MappingJson.read(HEROKU_EXPORT, "export.json");

    assertThat(doc.appName()).contains("my-app");
    assertThat(doc.organizationId()).contains("00DE0000000L6REMA0");
    assertThat(doc.exportedAt()).contains(Instant.parse("2016-02-05T17:52:17.733015Z"));
    Mapping contact = doc.mapping("contact").orElseThrow();
    assertThat(contact.access()).isEqualTo(Access.READ_WRITE);
    assertThat(contact.tableName()).isEqualTo("contact");
    assertThat(contact.fields())
        .containsExactly("Id", "IsDeleted", "SystemModstamp", "LastName", "External_ID__c");
    assertThat(contact.indexes())
        .containsEntry("External_ID__c", true)
        .containsEntry("SystemModstamp", false);
    assertThat(contact.upsertField()).contains("External_ID__c");
  }

  @Test
  void writesWhatItReads() {
    MappingDocument doc = MappingJson.read(HEROKU_EXPORT, "export.json");
    String written = MappingJson.write(doc);

    assertThat(MappingJson.read(written, "again")).isEqualTo(doc);
    assertThat(written).contains("\"exported_at\" : \"2016-02-05T17:52:17.733015+00:00\"");
  }

  @Test
  void addsTheFieldsTheSyncNeedsAndAppliesHerokuDefaults() {
    MappingDocument doc =
        MappingJson.read(
            "{\"mappings\":[{\"object_name\":\"Account\",\"config\":{\"fields\":{\"Name\":{}}}}]}",
            "minimal.json");

    Mapping account = doc.mappings().get(0);
    assertThat(account.fields()).containsExactly("Id", "IsDeleted", "SystemModstamp", "Name");
    assertThat(account.access()).isEqualTo(Access.READ_ONLY);
    assertThat(account.sfPollingSeconds()).isEqualTo(600);
    assertThat(account.sfNotifyEnabled()).isFalse();
  }

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    String bad =
        """
        {"mappings": [
          {"object_name": "Account", "config": {"access": "readwrite", "fields": {"Name": {}},
                                                "sf_polling_seconds": -5}},
          {"object_name": "Bad Name", "config": {"fields": {"Na;me": {}}, "upsert_field": "Ext__c"}},
          {"object_name": "account", "config": {"fields": {}}}
        ]}
        """;

    assertThatThrownBy(() -> MappingJson.read(bad, "bad.json"))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "mappings[0].config.access: access 'readwrite' is not a sync mode; use one of: read_only, read_write",
                        "mappings[0].config.sf_polling_seconds: must be a positive whole number, got -5",
                        "mappings[1].object_name: 'Bad Name' is not a Salesforce API name (letters, digits and underscores, starting with a letter, like Name or Invoice_Total__c)",
                        "mappings[1].config.fields.Na;me: 'Na;me' is not a Salesforce API name (letters, digits and underscores, starting with a letter, like Name or Invoice_Total__c)",
                        "mappings[1].config.upsert_field: 'Ext__c' is not among the mapping's fields; add it to fields too"))
        .hasMessageStartingWith("Mapping file bad.json has 5 problems:");
  }

  @Test
  void reportsBrokenJsonWithItsLine() {
    assertThatThrownBy(() -> MappingJson.read("{\n \"mappings\": [,]\n}", "broken.json"))
        .hasMessageContaining("Mapping file broken.json has 1 problem:")
        .hasMessageContaining("line 2, column 15: not valid JSON: Unexpected character (','");
  }

  @Test
  void reportsAFileOfTheWrongShape() {
    assertThatThrownBy(() -> MappingJson.read("{\"mapping\": []}", "typo.json"))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "mappings: missing; a mapping file holds \"mappings\": [{\"object_name\": ..., \"config\": {...}}]"));
    assertThatThrownBy(() -> MappingJson.read("{\"mappings\": {}}", "object.json"))
        .hasMessageContaining("mappings: must be a list, not OBJECT");
  }

  @Test
  void reportsAFieldListWrittenAsAList() {
    String json =
        "{\"mappings\": [{\"object_name\": \"Account\", \"config\": {\"fields\": [\"Name\"]}}]}";

    assertThatThrownBy(() -> MappingJson.read(json, "list.json"))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "mappings[0].config.fields: must be an object of field names, like {\"Name\": {}, \"Phone\": {}}; got [\"Name\"]"));
  }

  @Test
  void rejectsTheSameObjectTwice() {
    Mapping a =
        new Mapping(
            "Account", Access.READ_ONLY, false, 600, 30000, List.of(), Map.of(), Optional.empty());
    String json =
        MappingJson.write(
            new MappingDocument(
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(a, a)));

    assertThatThrownBy(() -> MappingJson.read(json, "twice.json"))
        .hasMessageContaining("object Account is mapped twice");
  }
}
