package io.pgforce.salesforce.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.FakeApiCalls;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class QueriesTest {

  private static final String NEXT = "/services/data/v60.0/query/01gD0000002HU6KIAW-2000";

  private final FakeApiCalls api =
      new FakeApiCalls(
          request ->
              request.target().equals(NEXT)
                  ? page(true, null, "001000000000003AAA")
                  : page(false, NEXT, "001000000000001AAA", "001000000000002AAA"));

  private static Map<String, Object> page(boolean done, String next, String... ids) {
    List<Map<String, Object>> records =
        Stream.of(ids)
            .map(id -> Map.<String, Object>of("attributes", Map.of("type", "Account"), "Id", id))
            .toList();
    return next == null
        ? Map.of("totalSize", 3, "done", done, "records", records)
        : Map.of("totalSize", 3, "done", done, "nextRecordsUrl", next, "records", records);
  }

  @Test
  void followsNextRecordsUrlLazily() {
    Stream<SObjectRecord> records = new Queries(api, 2000).query("SELECT Id FROM Account");
    assertThat(api.requests).isEmpty();

    List<String> ids = records.map(r -> r.id().orElseThrow()).toList();

    assertThat(ids)
        .containsExactly("001000000000001AAA", "001000000000002AAA", "001000000000003AAA");
    assertThat(api.requests).hasSize(2);
    assertThat(api.requests.get(0).target())
        .isEqualTo("/services/data/v60.0/query?q=SELECT+Id+FROM+Account");
    assertThat(api.requests.get(0).headers())
        .containsEntry("Sforce-Query-Options", "batchSize=2000");
    assertThat(api.requests.get(1).target()).isEqualTo(NEXT);
  }

  @Test
  void stopsFetchingWhenTheStreamIsShortCircuited() {
    List<SObjectRecord> first =
        new Queries(api, 500).queryAll("SELECT Id FROM Account").limit(2).toList();

    assertThat(first).hasSize(2);
    assertThat(api.requests).hasSize(1);
    assertThat(api.requests.get(0).target()).startsWith("/services/data/v60.0/queryAll?q=");
  }

  @Test
  void countReadsTotalSize() {
    FakeApiCalls counting =
        new FakeApiCalls(r -> Map.of("totalSize", 42, "done", true, "records", List.of()));
    assertThat(new Queries(counting, 2000).count("SELECT COUNT() FROM Account")).isEqualTo(42);
  }
}
