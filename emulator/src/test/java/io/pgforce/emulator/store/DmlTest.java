package io.pgforce.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.metadata.MetadataFile;
import io.pgforce.emulator.testing.MutableClock;
import io.pgforce.emulator.testing.TestOrgs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DmlTest {

  private static final String METADATA =
      """
      {"objects": [{"name": "Invoice__c", "fields": [
         {"name": "Number__c", "type": "string", "length": 10, "externalId": true, "unique": true},
         {"name": "Account__c", "type": "reference", "referenceTo": "Account"},
         {"name": "Status__c", "type": "picklist", "values": ["Draft", "Paid"],
          "restricted": true, "default": "Draft"},
         {"name": "Amount__c", "type": "currency", "precision": 8, "scale": 2},
         {"name": "Double__c", "type": "double", "scale": 2, "formula": "Amount__c * 2"}]}],
       "fields": {"Account": [{"name": "Ext__c", "type": "string", "externalId": true}]}}
      """;

  private final MutableClock clock = MutableClock.at("2024-03-01T10:00:00.750Z");
  private final List<ChangeEvent> events = new ArrayList<>();
  private OrgStore store;
  private Dml dml;
  private DmlOptions options;

  @BeforeEach
  void setUp() {
    store = TestOrgs.store(MetadataFile.parse(METADATA), clock);
    store.addChangeListener(events::add);
    dml = store.dml();
    options = DmlOptions.asUser(store.identity().userId()).withClientId("pgforce");
  }

  @Test
  void createSetsSystemFieldsWithSecondPrecisionAndDefaults() {
    String id = createOne("Invoice__c", Map.of("Name", "INV-1", "Amount__c", "12.345"));
    StoredRecord record = store.find(id).orElseThrow();
    Instant second = Instant.parse("2024-03-01T10:00:00Z");
    assertThat(record.getOrNull("CreatedDate")).isEqualTo(second);
    assertThat(record.getOrNull("SystemModstamp")).isEqualTo(second);
    assertThat(record.getOrNull("OwnerId")).isEqualTo(store.identity().userId());
    assertThat(record.getOrNull("Status__c")).isEqualTo("Draft");
    assertThat(record.getOrNull("Amount__c")).isEqualTo(12.35);
    assertThat(record.getOrNull("Double__c")).isEqualTo(24.7);
    assertThat(record.getOrNull("IsDeleted")).isEqualTo(false);
  }

  @Test
  void createReportsRequiredFieldsMissing() {
    SaveResult result = dml.create(List.of(RecordInput.of("Contact", Map.of())), options).get(0);
    assertThat(result.success()).isFalse();
    assertThat(result.errors())
        .containsExactly(
            new ApiError(
                "REQUIRED_FIELD_MISSING",
                "Required fields are missing: [LastName]",
                List.of("LastName")));
  }

  @Test
  void createRejectsTooLongTextUnknownFieldsReadOnlyFieldsAndIds() {
    assertThat(error("Invoice__c", Map.of("Name", "x", "Number__c", "12345678901")).code())
        .isEqualTo("STRING_TOO_LONG");
    assertThat(error("Account", Map.of("Name", "x", "Bogus", 1)).message())
        .isEqualTo("No such column 'Bogus' on sobject of type Account");
    ApiError readOnly = error("Account", Map.of("Name", "x", "CreatedDate", "2020-01-01"));
    assertThat(readOnly.code()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(readOnly.fields()).containsExactly("CreatedDate");
    assertThat(error("Account", Map.of("Name", "x", "Id", "001000000000001")).code())
        .isEqualTo("INVALID_FIELD");
  }

  @Test
  void createChecksTypesPicklistsEmailsAndLookups() {
    assertThat(error("Account", Map.of("Name", "x", "NumberOfEmployees", "many")).code())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(error("Invoice__c", Map.of("Name", "x", "Status__c", "Lost")).code())
        .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    assertThat(error("Contact", Map.of("LastName", "x", "Email", "nope")).code())
        .isEqualTo("INVALID_EMAIL_ADDRESS");
    assertThat(error("Contact", Map.of("LastName", "x", "AccountId", "nonsense")).code())
        .isEqualTo("MALFORMED_ID");
    String missing = IdGenerator.fixed("001", 999_999);
    assertThat(error("Contact", Map.of("LastName", "x", "AccountId", missing)).code())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(error("Invoice__c", Map.of("Name", "x", "Amount__c", 1_000_000)).code())
        .isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
  }

  @Test
  void uniqueValuesAreCheckedCaseInsensitivelyAcrossAndWithinCalls() {
    String first = createOne("Invoice__c", Map.of("Name", "a", "Number__c", "N-1"));
    ApiError duplicate = error("Invoice__c", Map.of("Name", "b", "Number__c", "n-1"));
    assertThat(duplicate.code()).isEqualTo("DUPLICATE_VALUE");
    assertThat(duplicate.message())
        .isEqualTo(
            "duplicate value found: Number__c duplicates value on record with id: "
                + RecordIds.to15(first));
  }

  @Test
  void updateChangesFieldsAndReportsOnlyChangedOnesToListeners() {
    String id = createOne("Account", Map.of("Name", "Acme", "Industry", "Retail"));
    events.clear();
    clock.advance(Duration.ofSeconds(5));
    SaveResult result =
        dml.update(
                List.of(
                    RecordInput.update(
                        "Account", id, Map.of("Name", "Acme 2", "Industry", "Retail"))),
                options)
            .get(0);
    assertThat(result.success()).isTrue();
    ChangeEvent event = events.get(0);
    assertThat(event.type()).isEqualTo(ChangeType.UPDATE);
    assertThat(event.changedFields()).containsExactly("Name", "LastModifiedDate", "SystemModstamp");
    assertThat(event.oldValues()).containsEntry("Name", "Acme");
    assertThat(event.newValues()).containsEntry("Name", "Acme 2");
    assertThat(event.clientId()).contains("pgforce");
    assertThat(event.commitTimestamp()).isEqualTo(Instant.parse("2024-03-01T10:00:05Z"));
  }

  @Test
  void updateOfMalformedWrongTypeOrDeletedIdsFails() {
    String id = createOne("Account", Map.of("Name", "Acme"));
    String contact = createOne("Contact", Map.of("LastName", "Doe"));
    assertThat(updateError("Account", "bad", Map.of()).code()).isEqualTo("MALFORMED_ID");
    assertThat(updateError("Account", contact, Map.of()).message())
        .isEqualTo("Account ID: id value of incorrect type: " + contact);
    dml.delete(List.of(id), options);
    assertThat(updateError("Account", id, Map.of("Name", "x")).code())
        .isEqualTo("ENTITY_IS_DELETED");
  }

  @Test
  void deleteMovesToRecycleBinAndUndeleteBringsBack() {
    String id = createOne("Account", Map.of("Name", "Acme"));
    clock.advance(Duration.ofMinutes(1));
    assertThat(dml.delete(List.of(id), options).get(0).success()).isTrue();
    StoredRecord deleted = store.find(id).orElseThrow();
    assertThat(deleted.deleted()).isTrue();
    assertThat(deleted.getOrNull("IsDeleted")).isEqualTo(true);
    assertThat(deleted.systemModstamp()).isEqualTo(Instant.parse("2024-03-01T10:01:00Z"));
    assertThat(dml.delete(List.of(id), options).get(0).errors().get(0).code())
        .isEqualTo("ENTITY_IS_DELETED");
    assertThat(dml.undelete(List.of(id), options).get(0).success()).isTrue();
    assertThat(store.find(id).orElseThrow().deleted()).isFalse();
    assertThat(events)
        .extracting(ChangeEvent::type)
        .containsExactly(ChangeType.CREATE, ChangeType.DELETE, ChangeType.UNDELETE);
  }

  @Test
  void allOrNoneRollsBackEveryRecordWhenOneFails() {
    List<SaveResult> results =
        dml.create(
            List.of(
                RecordInput.of("Account", Map.of("Name", "ok")),
                RecordInput.of("Account", Map.of())),
            options.withAllOrNone(true));
    assertThat(results.get(0).errors().get(0).code())
        .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(results.get(1).errors().get(0).code()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(store.count("Account")).isZero();
    assertThat(events).isEmpty();
  }

  @Test
  void partialSuccessKeepsTheGoodRecordsAndSharesOneTransaction() {
    List<SaveResult> results =
        dml.create(
            List.of(
                RecordInput.of("Account", Map.of("Name", "a")),
                RecordInput.of("Account", Map.of()),
                RecordInput.of("Account", Map.of("Name", "c"))),
            options);
    assertThat(results).extracting(SaveResult::success).containsExactly(true, false, true);
    assertThat(events).hasSize(2);
    assertThat(events.get(0).transactionKey()).isEqualTo(events.get(1).transactionKey());
    assertThat(events.get(1).transactionEnd()).isTrue();
    assertThat(events.get(0).transactionEnd()).isFalse();
  }

  @Test
  void upsertCreatesThenUpdatesAndRefusesAmbiguity() {
    SaveResult created = upsert("Account", "Ext__c", Map.of("Ext__c", "E1", "Name", "one"));
    assertThat(created.created()).contains(true);
    SaveResult updated = upsert("Account", "Ext__c", Map.of("Ext__c", "e1", "Name", "uno"));
    assertThat(updated.created()).contains(false);
    assertThat(updated.id()).isEqualTo(created.id());
    assertThat(store.find(created.id().orElseThrow()).orElseThrow().getOrNull("Name"))
        .isEqualTo("uno");
    createOne("Account", Map.of("Name", "two", "Ext__c", "E2"));
    createOne("Account", Map.of("Name", "three", "Ext__c", "E2"));
    assertThat(upsert("Account", "Ext__c", Map.of("Ext__c", "E2")).errors().get(0).code())
        .isEqualTo("DUPLICATE_EXTERNAL_ID");
    assertThat(dml.matchExternalId("Account", "Ext__c", "e2")).hasSize(2);
  }

  @Test
  void upsertRepeatingAValueInOneCallFailsBothRecords() {
    List<SaveResult> results =
        dml.upsert(
            "Account",
            "Ext__c",
            List.of(
                RecordInput.of("Account", Map.of("Ext__c", "X", "Name", "a")),
                RecordInput.of("Account", Map.of("Ext__c", "X", "Name", "b"))),
            options);
    assertThat(results)
        .allSatisfy(r -> assertThat(r.errors().get(0).code()).isEqualTo("DUPLICATE_EXTERNAL_ID"));
  }

  @Test
  void upsertOnAFieldThatIsNoExternalIdIsNotFound() {
    assertThatThrownBy(() -> dml.upsert("Account", "Name", List.of(), options))
        .isInstanceOfSatisfying(
            SalesforceException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void derivedStandardFieldsFollowTheirSources() {
    String id = createOne("Contact", Map.of("FirstName", "Ada", "LastName", "Lovelace"));
    assertThat(store.find(id).orElseThrow().getOrNull("Name")).isEqualTo("Ada Lovelace");
    String opp =
        createOne(
            "Opportunity",
            Map.of(
                "Name",
                "Deal",
                "StageName",
                "Closed Won",
                "CloseDate",
                "2024-05-01",
                "Amount",
                1000,
                "Probability",
                50));
    StoredRecord record = store.find(opp).orElseThrow();
    assertThat(record.getOrNull("IsWon")).isEqualTo(true);
    assertThat(record.getOrNull("ExpectedRevenue")).isEqualTo(500.0);
  }

  private String createOne(String object, Map<String, Object> fields) {
    SaveResult result = dml.create(List.of(RecordInput.of(object, fields)), options).get(0);
    assertThat(result.errors()).isEmpty();
    return result.id().orElseThrow();
  }

  private ApiError error(String object, Map<String, Object> fields) {
    SaveResult result =
        dml.create(List.of(RecordInput.of(object, new HashMap<>(fields))), options).get(0);
    assertThat(result.success()).isFalse();
    return result.errors().get(0);
  }

  private ApiError updateError(String object, String id, Map<String, Object> fields) {
    SaveResult result = dml.update(List.of(RecordInput.update(object, id, fields)), options).get(0);
    assertThat(result.success()).isFalse();
    return result.errors().get(0);
  }

  private SaveResult upsert(String object, String field, Map<String, Object> fields) {
    return dml.upsert(object, field, List.of(RecordInput.of(object, fields)), options).get(0);
  }
}
