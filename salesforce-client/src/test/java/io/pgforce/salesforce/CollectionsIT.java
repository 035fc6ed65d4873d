package io.pgforce.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.rest.SaveResult;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sObject Collections against the emulator: chunks of 200, results in input order. */
class CollectionsIT {

  private static final String COLLECTIONS = "/services/data/{version}/composite/sobjects";

  @RegisterExtension static final EmulatorOrg org = new EmulatorOrg();

  private final SalesforceClient salesforce = org.client();

  static List<Map<String, Object>> accounts(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                Map.<String, Object>of(
                    "Name", String.format("Account %03d", i), "Ext_Id__c", "E-" + i))
        .toList();
  }

  private Map<String, String> namesById() {
    return salesforce
        .query("SELECT Id, Name FROM Account")
        .collect(Collectors.toMap(r -> r.id().orElseThrow(), r -> r.text("Name").orElseThrow()));
  }

  @Test
  void createsMoreThan200InChunksWithResultsInInputOrder() {
    List<SaveResult> results = salesforce.collections().create("Account", accounts(450), false);

    assertThat(org.calls("POST " + COLLECTIONS)).isEqualTo(3);
    assertThat(results).hasSize(450).allMatch(SaveResult::success).allMatch(SaveResult::created);
    Map<String, String> names = namesById();
    for (int i = 0; i < 450; i++) {
      assertThat(names.get(results.get(i).id().orElseThrow()))
          .isEqualTo(String.format("Account %03d", i));
    }
  }

  @Test
  void updatesUpsertsAndDeletesInChunks() {
    List<SaveResult> created = salesforce.collections().create("Account", accounts(250), false);
    List<Map<String, Object>> renames = new java.util.ArrayList<>();
    for (int i = 0; i < 250; i++) {
      renames.add(Map.of("Id", created.get(i).id().orElseThrow(), "Name", "Renamed " + i));
    }
    List<Map<String, Object>> upserts =
        IntStream.range(240, 260)
            .mapToObj(i -> Map.<String, Object>of("Ext_Id__c", "E-" + i, "Name", "Upserted " + i))
            .toList();

    List<SaveResult> updated = salesforce.collections().update("Account", renames, false);
    List<SaveResult> upserted =
        salesforce.collections().upsert("Account", "Ext_Id__c", upserts, false);
    List<String> ids = created.stream().map(r -> r.id().orElseThrow()).toList();
    List<SaveResult> deleted = salesforce.collections().delete(ids.subList(0, 201), false);

    assertThat(org.calls("PATCH " + COLLECTIONS)).isEqualTo(2);
    assertThat(updated).allMatch(SaveResult::success);
    assertThat(upserted.subList(0, 10)).allSatisfy(r -> assertThat(r.created()).isFalse());
    assertThat(upserted.subList(10, 20)).allSatisfy(r -> assertThat(r.created()).isTrue());
    assertThat(org.calls("DELETE " + COLLECTIONS)).isEqualTo(2);
    assertThat(deleted).hasSize(201).allMatch(SaveResult::success);
    assertThat(deleted.get(200).id()).contains(ids.get(200));
    Map<String, String> remaining = namesById();
    assertThat(remaining).hasSize(59);
    assertThat(remaining.get(ids.get(205))).isEqualTo("Renamed 205");
    assertThat(remaining.get(ids.get(245))).isEqualTo("Upserted 245");
  }

  @Test
  void aRecordThatFailsValidationDoesNotStopTheOthers() {
    List<Map<String, Object>> records = new java.util.ArrayList<>(accounts(3));
    records.set(1, Map.of("Phone", "555-0100"));

    List<SaveResult> results = salesforce.collections().create("Account", records, false);

    assertThat(results.get(0).success()).isTrue();
    assertThat(results.get(1).success()).isFalse();
    assertThat(results.get(1).errorCode()).contains("REQUIRED_FIELD_MISSING");
    assertThat(results.get(1).errors().get(0).fields()).containsExactly("Name");
    assertThat(results.get(2).success()).isTrue();
    assertThat(org.calls("POST " + COLLECTIONS)).isEqualTo(1);
  }

  @Test
  void allOrNoneRollsBackTheOthers() {
    List<Map<String, Object>> records = new java.util.ArrayList<>(accounts(3));
    Map<String, Object> invalid = new LinkedHashMap<>(new HashMap<>(Map.of("Phone", "555-0100")));
    records.set(2, invalid);

    List<SaveResult> results = salesforce.collections().create("Account", records, true);

    assertThat(results).noneMatch(SaveResult::success);
    assertThat(results.get(0).errorCode()).contains("ALL_OR_NONE_OPERATION_ROLLED_BACK");
    assertThat(results.get(2).errorCode()).contains("REQUIRED_FIELD_MISSING");
    assertThat(salesforce.count("SELECT COUNT() FROM Account")).isZero();
  }
}
