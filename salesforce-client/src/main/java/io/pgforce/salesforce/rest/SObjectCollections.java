package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.error.ErrorClassifier;
import io.pgforce.salesforce.error.RetryPolicy;
import io.pgforce.salesforce.error.Verdict;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * sObject Collections ({@code /composite/sobjects}): create, update, upsert and delete many
 * records, split into calls of at most 200. Results come back one per input record, in input order.
 * With {@code allOrNone=false}, records that failed with a retriable error ({@code
 * UNABLE_TO_LOCK_ROW}) are sent again on their own; the others keep their first result.
 */
public final class SObjectCollections {

  /** Salesforce's limit per call. */
  public static final int MAX_RECORDS_PER_CALL = 200;

  static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

  private final ApiCalls transport;
  private final RetryPolicy retry;

  /**
   * @param retry the budget for re-sending records that failed with a retriable error
   */
  public SObjectCollections(ApiCalls transport, RetryPolicy retry) {
    this.transport = transport;
    this.retry = retry;
  }

  /** Inserts records (without ids). */
  public List<SaveResult> create(
      String sobject, List<Map<String, Object>> records, boolean allOrNone) {
    List<Map<String, Object>> typed = withType(sobject, records);
    return inChunks(typed, allOrNone, true, chunk -> write("POST", "", chunk, allOrNone));
  }

  /** Updates records; each carries its {@code Id} (or {@code id}). */
  public List<SaveResult> update(
      String sobject, List<Map<String, Object>> records, boolean allOrNone) {
    List<Map<String, Object>> typed = withType(sobject, withLowerCaseId(records));
    return inChunks(typed, allOrNone, false, chunk -> write("PATCH", "", chunk, allOrNone));
  }

  /** Inserts or updates records matched on an external id field; results say which. */
  public List<SaveResult> upsert(
      String sobject, String extIdField, List<Map<String, Object>> records, boolean allOrNone) {
    ApiNames.requireApiName(extIdField, "external id field");
    String path = "/" + sobject + "/" + extIdField;
    List<Map<String, Object>> typed = withType(sobject, records);
    return inChunks(typed, allOrNone, false, chunk -> write("PATCH", path, chunk, allOrNone));
  }

  /** Deletes records by id (to the Recycle Bin). */
  public List<SaveResult> delete(List<String> ids, boolean allOrNone) {
    ids.forEach(ApiNames::requireId);
    return inChunks(ids, allOrNone, false, chunk -> deleteRequest(chunk, allOrNone));
  }

  private <T> List<SaveResult> inChunks(
      List<T> items, boolean allOrNone, boolean creates, Function<List<T>, ApiRequest> request) {
    List<SaveResult> results = new ArrayList<>(items.size());
    for (List<T> chunk : chunks(items, MAX_RECORDS_PER_CALL)) {
      results.addAll(new ChunkWrite<>(chunk, allOrNone, creates, request).run());
    }
    return results;
  }

  /** Splits a list into consecutive views of at most {@code size} elements. */
  static <T> List<List<T>> chunks(List<T> items, int size) {
    return IntStream.range(0, (items.size() + size - 1) / size)
        .mapToObj(i -> items.subList(i * size, Math.min(items.size(), (i + 1) * size)))
        .toList();
  }

  private ApiRequest write(
      String method, String path, List<Map<String, Object>> chunk, boolean allOrNone) {
    String url = transport.dataPath("/composite/sobjects" + path);
    ApiRequest request = "POST".equals(method) ? ApiRequest.post(url) : ApiRequest.patch(url);
    return request.json(Map.of("allOrNone", allOrNone, "records", chunk));
  }

  private ApiRequest deleteRequest(List<String> ids, boolean allOrNone) {
    String query = "?ids=" + String.join(",", ids) + "&allOrNone=" + allOrNone;
    return ApiRequest.delete(transport.dataPath("/composite/sobjects" + query));
  }

  private static List<Map<String, Object>> withType(
      String sobject, List<Map<String, Object>> records) {
    ApiNames.requireApiName(sobject, "object");
    Map<String, Object> attributes = Map.of("type", sobject);
    return records.stream().map(r -> prepend("attributes", attributes, r)).toList();
  }

  private static List<Map<String, Object>> withLowerCaseId(List<Map<String, Object>> records) {
    return records.stream().map(SObjectCollections::lowerCaseId).toList();
  }

  /** The Collections API wants {@code id}; callers holding query results have {@code Id}. */
  private static Map<String, Object> lowerCaseId(Map<String, Object> record) {
    Object id = record.containsKey("id") ? record.get("id") : record.get("Id");
    if (!(id instanceof String text) || !RecordIds.isWellFormed(text)) {
      throw new IllegalArgumentException("a record to update has no valid Id: " + id);
    }
    Map<String, Object> copy = new LinkedHashMap<>(record);
    copy.remove("Id");
    copy.remove("id");
    return prepend("id", text, copy);
  }

  private static Map<String, Object> prepend(String key, Object value, Map<String, Object> record) {
    Map<String, Object> copy = new LinkedHashMap<>();
    copy.put(key, value);
    record.forEach(copy::putIfAbsent);
    return copy;
  }

  /**
   * One chunk's call, repeated for the records that failed with a retriable error until none is
   * left or the retry budget is spent. Results are kept by input position.
   */
  private final class ChunkWrite<T> {
    private final List<T> chunk;
    private final boolean allOrNone;
    private final boolean creates;
    private final Function<List<T>, ApiRequest> request;
    private final SaveResult[] results;

    ChunkWrite(
        List<T> chunk, boolean allOrNone, boolean creates, Function<List<T>, ApiRequest> request) {
      this.chunk = chunk;
      this.allOrNone = allOrNone;
      this.creates = creates;
      this.request = request;
      this.results = new SaveResult[chunk.size()];
    }

    List<SaveResult> run() {
      RetryPolicy.Attempts attempts = retry.start();
      List<Integer> pending = IntStream.range(0, chunk.size()).boxed().toList();
      while (!pending.isEmpty()) {
        send(pending);
        pending = retriable(pending);
        if (pending.isEmpty()
            || !attempts.pause(verdictOf(pending), describe(pending), reason(pending))) {
          break;
        }
      }
      return List.of(results);
    }

    private void send(List<Integer> positions) {
      List<T> items = positions.stream().map(chunk::get).toList();
      JsonNode body = transport.json(request.apply(items));
      if (!body.isArray() || body.size() != items.size()) {
        throw new IllegalStateException(
            "sObject Collections returned "
                + body.size()
                + " results for "
                + items.size()
                + " records");
      }
      for (int i = 0; i < positions.size(); i++) {
        results[positions.get(i)] = SaveResult.fromJson(body.get(i), creates);
      }
    }

    /** With allOrNone, a retriable failure rolls back the others: then all go again, or none. */
    private List<Integer> retriable(List<Integer> sent) {
      List<Integer> failed = sent.stream().filter(i -> !results[i].success()).toList();
      List<Integer> retriable = failed.stream().filter(i -> isRetriable(results[i])).toList();
      if (!allOrNone) {
        return retriable;
      }
      boolean onlyRetriableOrRolledBack =
          failed.stream().allMatch(i -> isRetriable(results[i]) || isRolledBack(results[i]));
      return !retriable.isEmpty() && onlyRetriableOrRolledBack ? sent : List.of();
    }

    private Verdict verdictOf(List<Integer> positions) {
      return positions.stream()
          .map(i -> results[i])
          .filter(SObjectCollections::isRetriable)
          .map(r -> ErrorClassifier.classify(r.errorCode().orElse("")))
          .findFirst()
          .orElse(Verdict.RETRY);
    }

    private String describe(List<Integer> positions) {
      return "sObject Collections write of " + positions.size() + " records";
    }

    private String reason(List<Integer> positions) {
      return results[positions.get(0)].errors().toString();
    }
  }

  private static boolean isRetriable(SaveResult result) {
    return !result.success()
        && result.errors().stream().anyMatch(e -> ErrorClassifier.classify(e.code()).retriable());
  }

  private static boolean isRolledBack(SaveResult result) {
    return result.errors().stream().allMatch(e -> ROLLED_BACK.equals(e.code()));
  }
}
