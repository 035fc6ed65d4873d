package io.pgforce.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.metadata.MetadataFile;
import io.pgforce.emulator.store.ChangeEvent;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangeEventBodiesTest {

  private static final String METADATA =
      """
      {"objects": [{"name": "Invoice__c", "fields": [
         {"name": "Amount__c", "type": "currency", "precision": 8, "scale": 2},
         {"name": "Double__c", "type": "double", "scale": 2, "formula": "Amount__c * 2"}]}]}
      """;

  private final MutableClock clock = MutableClock.at("2024-03-01T10:00:00.750Z");
  private final List<ChangeEvent> events = new ArrayList<>();
  private OrgStore store;
  private ChangeEventBodies bodies;
  private DmlOptions options;

  @BeforeEach
  void setUp() {
    store = TestOrgs.store(MetadataFile.parse(METADATA), clock);
    store.addChangeListener(events::add);
    bodies = new ChangeEventBodies(store.schema(), "60.0");
    options = DmlOptions.asUser(store.identity().userId()).withClientId("pgforce");
  }

  @Test
  void createCarriesNonNullFieldsWithNestedAddressAndNoSystemOnlyFields() {
    String id =
        create(
            "Account", Map.of("Name", "Acme", "BillingCity", "Paris", "BillingCountry", "France"));
    Map<String, Object> payload = bodies.payload(last(), 42);

    assertThat(payload)
        .containsEntry("Name", "Acme")
        .containsEntry("BillingAddress", Map.of("City", "Paris", "Country", "France"))
        .containsEntry("CreatedDate", "2024-03-01T10:00:00Z")
        .containsEntry("LastModifiedDate", "2024-03-01T10:00:00Z")
        .containsEntry("OwnerId", store.identity().userId())
        .doesNotContainKeys("Id", "IsDeleted", "SystemModstamp", "BillingCity", "Phone");
    Map<String, Object> header = header(payload);
    assertThat(header)
        .containsEntry("entityName", "Account")
        .containsEntry("recordIds", List.of(id))
        .containsEntry("changeType", "CREATE")
        .containsEntry("changeOrigin", "com/salesforce/api/rest/60.0;client=pgforce")
        .containsEntry("sequenceNumber", 1)
        .containsEntry("isTransactionEnd", true)
        .containsEntry("commitTimestamp", 1709287200000L)
        .containsEntry("commitNumber", 42L)
        .containsEntry("commitUser", store.identity().userId())
        .containsEntry("changedFields", List.of())
        .containsKey("transactionKey");
  }

  @Test
  void updateCarriesChangedFieldsNullsAndLastModifiedDateWithComponentNames() {
    String id = create("Account", Map.of("Name", "Acme", "Phone", "1", "BillingCity", "Paris"));
    clock.advance(Duration.ofSeconds(5));
    Map<String, Object> changes = new HashMap<>();
    changes.put("Phone", null);
    changes.put("BillingCity", "Lyon");
    store.dml().update(List.of(RecordInput.update("Account", id, changes)), options);

    Map<String, Object> payload = bodies.payload(last(), 1);
    assertThat(payload)
        .containsEntry("Phone", null)
        .containsEntry("BillingAddress", Map.of("City", "Lyon"))
        .containsEntry("LastModifiedDate", "2024-03-01T10:00:05Z")
        .doesNotContainKeys("Name", "SystemModstamp", "CreatedDate");
    assertThat(header(payload).get("changedFields"))
        .isEqualTo(List.of("BillingAddress.City", "Phone", "LastModifiedDate"));
  }

  @Test
  void updateInTheSameSecondStillCarriesLastModifiedDate() {
    String id = create("Account", Map.of("Name", "Acme"));
    store
        .dml()
        .update(List.of(RecordInput.update("Account", id, Map.of("Name", "Acme 2"))), options);

    Map<String, Object> payload = bodies.payload(last(), 1);
    assertThat(payload).containsEntry("LastModifiedDate", "2024-03-01T10:00:00Z");
    assertThat(header(payload).get("changedFields")).isEqualTo(List.of("Name", "LastModifiedDate"));
  }

  @Test
  void contactNameIsNestedAndReplacesTheDerivedFullName() {
    String id = create("Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace"));
    assertThat(bodies.payload(last(), 1))
        .containsEntry("Name", Map.of("FirstName", "Ada", "LastName", "Lovelace"))
        .doesNotContainKeys("FirstName", "LastName");

    store
        .dml()
        .update(List.of(RecordInput.update("Contact", id, Map.of("LastName", "King"))), options);
    Map<String, Object> update = bodies.payload(last(), 2);
    assertThat(update).containsEntry("Name", Map.of("LastName", "King"));
    assertThat(header(update).get("changedFields"))
        .isEqualTo(List.of("Name.LastName", "LastModifiedDate"));
  }

  @Test
  void formulaFieldsNeverAppear() {
    create("Invoice__c", Map.of("Name", "INV-1", "Amount__c", "10"));
    assertThat(bodies.payload(last(), 1))
        .containsEntry("Amount__c", 10.0)
        .doesNotContainKey("Double__c");
  }

  @Test
  void deleteCarriesTheHeaderOnlyAndUndeleteAllNonNullFields() {
    String id = create("Account", Map.of("Name", "Acme"));
    store.dml().delete(List.of(id), options);
    Map<String, Object> delete = bodies.payload(last(), 1);
    assertThat(delete).containsOnlyKeys(ChangeEventBodies.HEADER);
    assertThat(header(delete)).containsEntry("changeType", "DELETE");

    store.dml().undelete(List.of(id), DmlOptions.asUser(store.identity().userId()));
    Map<String, Object> undelete = bodies.payload(last(), 2);
    assertThat(undelete).containsEntry("Name", "Acme").doesNotContainKey("IsDeleted");
    assertThat(header(undelete))
        .containsEntry("changeType", "UNDELETE")
        .containsEntry("changeOrigin", "com/salesforce/api/rest/60.0");
  }

  @Test
  void gapPayloadIsAHeaderWithTheGapType() {
    GapEvent gap =
        new GapEvent("Account", "GAP_UPDATE", List.of("001x"), "tx", clock.instant(), "005x");
    Map<String, Object> payload = bodies.gapPayload(gap, 7);
    assertThat(payload).containsOnlyKeys(ChangeEventBodies.HEADER);
    assertThat(header(payload))
        .containsEntry("changeType", "GAP_UPDATE")
        .containsEntry("recordIds", List.of("001x"))
        .containsEntry("commitNumber", 7L);
  }

  private String create(String object, Map<String, Object> fields) {
    return store
        .dml()
        .create(List.of(RecordInput.of(object, fields)), options)
        .get(0)
        .id()
        .orElseThrow();
  }

  private ChangeEvent last() {
    return events.get(events.size() - 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> header(Map<String, Object> payload) {
    return (Map<String, Object>) payload.get(ChangeEventBodies.HEADER);
  }
}
