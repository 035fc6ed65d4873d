package io.pgforce.salesforce.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.FakeApiCalls;
import io.pgforce.salesforce.FakeClock;
import io.pgforce.salesforce.error.Backoff;
import io.pgforce.salesforce.error.RetryPolicy;
import io.pgforce.salesforce.http.ApiRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SObjectCollectionsTest {

  private final FakeClock clock = FakeClock.at("2024-01-01T00:00:00Z");
  private final RetryPolicy retry =
      new RetryPolicy(
          clock,
          clock::advance,
          Duration.ofSeconds(30),
          new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)),
          RetryPolicy.DEFAULT_LIMIT_BACKOFF,
          () -> 0.5);

  private static List<Map<String, Object>> accounts(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> Map.<String, Object>of("Name", "Account " + i))
        .toList();
  }

  /** Saves every record, giving it an id that encodes its name, except those {@code fail} picks. */
  private static List<Map<String, Object>> answer(
      ApiRequest request, Predicate<String> lockFailure) {
    List<Map<String, Object>> results = new ArrayList<>();
    for (JsonNode record : FakeApiCalls.body(request).path("records")) {
      String name = record.path("Name").asText();
      if (lockFailure.test(name)) {
        results.add(failure("UNABLE_TO_LOCK_ROW"));
      } else {
        results.add(Map.of("id", idFor(name), "success", true, "errors", List.of()));
      }
    }
    return results;
  }

  private static Map<String, Object> failure(String code) {
    return Map.of(
        "success",
        false,
        "errors",
        List.of(Map.of("statusCode", code, "message", "test", "fields", List.of())));
  }

  private static String idFor(String name) {
    int n = Integer.parseInt(name.substring("Account ".length()));
    return String.format("001000000%06dAAA", n);
  }

  @Test
  void splitsIntoCallsOf200AndKeepsInputOrder() {
    FakeApiCalls api = new FakeApiCalls(request -> answer(request, name -> false));

    List<SaveResult> results =
        new SObjectCollections(api, retry).create("Account", accounts(450), false);

    assertThat(api.requests).hasSize(3);
    assertThat(api.requests).allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    assertThat(api.requests.stream().map(r -> FakeApiCalls.body(r).path("records").size()))
        .containsExactly(200, 200, 50);
    assertThat(
            FakeApiCalls.body(api.requests.get(0))
                .path("records")
                .get(0)
                .path("attributes")
                .path("type")
                .asText())
        .isEqualTo("Account");
    assertThat(results).hasSize(450);
    for (int i = 0; i < 450; i++) {
      assertThat(results.get(i).id()).contains(idFor("Account " + i));
      assertThat(results.get(i).created()).isTrue();
    }
  }

  @Test
  void resendsOnlyTheRecordsThatHitALockedRow() {
    Set<String> lockedOnce = new HashSet<>(List.of("Account 3", "Account 250"));
    FakeApiCalls api = new FakeApiCalls(request -> answer(request, lockedOnce::remove));

    List<SaveResult> results =
        new SObjectCollections(api, retry).create("Account", accounts(300), false);

    assertThat(api.requests).hasSize(4);
    assertThat(FakeApiCalls.body(api.requests.get(1)).path("records").size()).isEqualTo(1);
    assertThat(FakeApiCalls.body(api.requests.get(3)).path("records").get(0).path("Name").asText())
        .isEqualTo("Account 250");
    assertThat(results).allMatch(SaveResult::success);
    assertThat(results.get(3).id()).contains(idFor("Account 3"));
    assertThat(results.get(250).id()).contains(idFor("Account 250"));
  }

  @Test
  void keepsValidationFailuresWithoutResending() {
    FakeApiCalls api =
        new FakeApiCalls(
            request -> {
              List<Map<String, Object>> results = answer(request, name -> false);
              results.set(1, failure("REQUIRED_FIELD_MISSING"));
              return results;
            });

    List<SaveResult> results =
        new SObjectCollections(api, retry).create("Account", accounts(3), false);

    assertThat(api.requests).hasSize(1);
    assertThat(results.get(1).success()).isFalse();
    assertThat(results.get(1).errorCode()).contains("REQUIRED_FIELD_MISSING");
    assertThat(results.get(0).success()).isTrue();
  }

  @Test
  void allOrNoneResendsTheWholeChunkWhenOnlyALockFailedIt() {
    int[] calls = {0};
    FakeApiCalls api =
        new FakeApiCalls(
            request -> {
              if (calls[0]++ > 0) {
                return answer(request, name -> false);
              }
              return List.of(
                  failure("ALL_OR_NONE_OPERATION_ROLLED_BACK"), failure("UNABLE_TO_LOCK_ROW"));
            });

    List<SaveResult> results =
        new SObjectCollections(api, retry).create("Account", accounts(2), true);

    assertThat(api.requests).hasSize(2);
    assertThat(FakeApiCalls.body(api.requests.get(1)).path("allOrNone").asBoolean()).isTrue();
    assertThat(FakeApiCalls.body(api.requests.get(1)).path("records").size()).isEqualTo(2);
    assertThat(results).allMatch(SaveResult::success);
  }

  @Test
  void stopsResendingWhenTheBudgetIsSpent() {
    FakeApiCalls api =
        new FakeApiCalls(request -> answer(request, name -> name.equals("Account 1")));

    List<SaveResult> results =
        new SObjectCollections(api, retry).create("Account", accounts(2), false);

    assertThat(results.get(1).errorCode()).contains("UNABLE_TO_LOCK_ROW");
    assertThat(results.get(0).success()).isTrue();
    assertThat(api.requests.size()).isBetween(5, 40);
  }

  @Test
  void updateSendsLowerCaseIdsAndUpsertNamesTheExternalIdField() {
    FakeApiCalls api =
        new FakeApiCalls(
            request ->
                List.of(
                    Map.of(
                        "id",
                        "001000000000001AAA",
                        "success",
                        true,
                        "created",
                        false,
                        "errors",
                        List.of())));
    SObjectCollections collections = new SObjectCollections(api, retry);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Id", "001000000000001AAA");
    record.put("Name", "Renamed");

    collections.update("Account", List.of(record), false);
    List<SaveResult> upserted =
        collections.upsert("Account", "Ext_Id__c", List.of(Map.of("Ext_Id__c", "E1")), false);

    JsonNode updated = FakeApiCalls.body(api.requests.get(0)).path("records").get(0);
    assertThat(api.requests.get(0).method()).isEqualTo("PATCH");
    assertThat(updated.path("id").asText()).isEqualTo("001000000000001AAA");
    assertThat(updated.has("Id")).isFalse();
    assertThat(api.requests.get(1).target())
        .isEqualTo("/services/data/v60.0/composite/sobjects/Account/Ext_Id__c");
    assertThat(upserted.get(0).created()).isFalse();
  }

  @Test
  void deleteSendsIdsInTheQueryString() {
    FakeApiCalls api =
        new FakeApiCalls(
            request ->
                List.of(Map.of("id", "001000000000001AAA", "success", true, "errors", List.of())));

    new SObjectCollections(api, retry).delete(List.of("001000000000001AAA"), true);

    assertThat(api.requests.get(0).method()).isEqualTo("DELETE");
    assertThat(api.requests.get(0).target())
        .isEqualTo("/services/data/v60.0/composite/sobjects?ids=001000000000001AAA&allOrNone=true");
  }

  @Test
  void refusesAResultCountThatDoesNotMatch() {
    FakeApiCalls api = new FakeApiCalls(request -> List.of());
    assertThatThrownBy(
            () -> new SObjectCollections(api, retry).create("Account", accounts(2), false))
        .hasMessageContaining("returned 0 results for 2 records");
  }

  @Test
  void chunksAreConsecutiveViews() {
    List<Integer> items = IntStream.range(0, 401).boxed().toList();
    List<List<Integer>> chunks = SObjectCollections.chunks(items, 200);
    assertThat(chunks).extracting(List::size).containsExactly(200, 200, 1);
    assertThat(chunks.get(2)).containsExactly(400);
    assertThat(SObjectCollections.chunks(List.of(), 200)).isEmpty();
  }
}
