package io.pgforce.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.MetadataFile;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParentReferencesTest {

  private static final String METADATA =
      """
      {"objects": [], "fields": {"Account": [
         {"name": "Ext__c", "type": "string", "externalId": true},
         {"name": "Plain__c", "type": "string"}]}}
      """;

  private OrgStore store;
  private DmlOptions options;

  @BeforeEach
  void setUp() {
    store = TestOrgs.store(MetadataFile.parse(METADATA), MutableClock.at("2024-03-01T10:00:00Z"));
    options = DmlOptions.asUser(store.identity().userId());
  }

  @Test
  void aParentNamedByExternalIdSetsTheLookup() {
    String account = create("Account", Map.of("Name", "Acme", "Ext__c", "ACME-1"));
    SaveResult contact =
        save("Contact", Map.of("LastName", "Smith", "Account", Map.of("Ext__c", "acme-1")));

    assertThat(contact.success()).isTrue();
    assertThat(store.find(contact.id().orElseThrow()).orElseThrow().getOrNull("AccountId"))
        .isEqualTo(account);
  }

  @Test
  void anIdKeyNamesTheParentDirectly() {
    String account = create("Account", Map.of("Name", "Acme"));
    SaveResult contact = save("Contact", Map.of("LastName", "S", "Account", Map.of("Id", account)));
    assertThat(store.find(contact.id().orElseThrow()).orElseThrow().getOrNull("AccountId"))
        .isEqualTo(account);
  }

  @Test
  void noMatchOrSeveralMatchesOrAWrongKeyFailTheRecordWithInvalidField() {
    create("Account", Map.of("Name", "A", "Ext__c", "DUP"));
    create("Account", Map.of("Name", "B", "Ext__c", "DUP"));

    assertThat(error(Map.of("Ext__c", "NOPE")))
        .isEqualTo(
            ApiError.of(
                "INVALID_FIELD",
                "Foreign key external ID: NOPE not found for field Ext__c in entity Account"));
    assertThat(error(Map.of("Ext__c", "DUP")).message()).contains("matches more than one record");
    assertThat(error(Map.of("Plain__c", "x")).message())
        .isEqualTo(
            "Field name provided, Plain__c is not an External ID or indexed field for Account");
    assertThat(error(Map.of("Ext__c", "x", "Name", "y")).message())
        .isEqualTo(
            "More than 1 field provided in an external foreign key reference in entity:"
                + " Account");
  }

  @Test
  void anObjectForAPlainFieldCannotBeDeserialised() {
    SaveResult result = save("Contact", Map.of("LastName", Map.of("a", "b")));
    assertThat(result.errors().get(0).code()).isEqualTo("JSON_PARSER_ERROR");
  }

  @Test
  void hardDeleteRemovesTheRecordForGoodAndAnnouncesADelete() {
    List<ChangeEvent> events = new java.util.ArrayList<>();
    store.addChangeListener(events::add);
    String id = create("Account", Map.of("Name", "Acme"));

    assertThat(store.dml().hardDelete(List.of(id), options).get(0).success()).isTrue();
    assertThat(store.find(id)).isEmpty();
    assertThat(events.get(events.size() - 1).type()).isEqualTo(ChangeType.DELETE);
    assertThat(store.dml().undelete(List.of(id), options).get(0).success()).isFalse();
    assertThat(store.dml().hardDelete(List.of(id), options).get(0).errors().get(0).code())
        .isEqualTo("ENTITY_IS_DELETED");
  }

  @Test
  void aRolledBackHardDeleteLeavesTheRecord() {
    String id = create("Account", Map.of("Name", "Acme"));
    List<SaveResult> results =
        store.dml().hardDelete(List.of(id, "001000000000000AAA"), options.withAllOrNone(true));
    assertThat(results.get(0).success()).isFalse();
    assertThat(store.find(id)).isPresent();
  }

  private ApiError error(Map<String, Object> reference) {
    SaveResult result = save("Contact", Map.of("LastName", "S", "Account", reference));
    assertThat(result.success()).isFalse();
    return result.errors().get(0);
  }

  private SaveResult save(String object, Map<String, Object> fields) {
    return store.dml().create(List.of(RecordInput.of(object, fields)), options).get(0);
  }

  private String create(String object, Map<String, Object> fields) {
    return save(object, fields).id().orElseThrow();
  }
}
