package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.store.DmlOptions;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.store.SaveResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write side of sObject Collections: turns the request's records into DML inputs, lets the
 * fault injector fail chosen records first, runs the DML on the rest, and merges the results back
 * into request order. With {@code allOrNone}, a record failed before the DML (missing type or id,
 * injected fault) rolls back every other, as any failure does.
 */
final class CollectionWrites {

  /** A parsed create, update or upsert request. */
  record Request(boolean allOrNone, ArrayNode records) {}

  /** A parsed delete request. */
  record DeleteRequest(boolean allOrNone, List<String> ids) {}

  private final OrgServices org;

  CollectionWrites(OrgServices org) {
    this.org = org;
  }

  List<SaveResult> create(Context ctx, Request request) {
    return run(
        ctx,
        request.allOrNone(),
        inputs(request, null, false),
        (inputs, options) -> org.store().dml().create(inputs, options));
  }

  List<SaveResult> update(Context ctx, Request request) {
    return run(
        ctx,
        request.allOrNone(),
        inputs(request, null, true),
        (inputs, options) -> org.store().dml().update(inputs, options));
  }

  List<SaveResult> upsert(Context ctx, String objectName, String field, Request request) {
    org.store().dml().requireExternalIdField(objectName, field);
    return run(
        ctx,
        request.allOrNone(),
        inputs(request, objectName, false),
        (inputs, options) -> org.store().dml().upsert(objectName, field, inputs, options));
  }

  List<SaveResult> delete(Context ctx, DeleteRequest request) {
    List<Prepared<String>> ids = request.ids().stream().map(id -> Prepared.of(id)).toList();
    return run(
        ctx,
        request.allOrNone(),
        ids,
        (inputs, options) -> org.store().dml().delete(inputs, options));
  }

  /** One record of the request: ready for DML, or already failed. */
  private record Prepared<T>(T input, ApiError failure) {
    static <T> Prepared<T> of(T input) {
      return new Prepared<>(input, null);
    }

    static <T> Prepared<T> failed(ApiError failure) {
      return new Prepared<>(null, failure);
    }
  }

  private interface Operation<T> {
    List<SaveResult> apply(List<T> inputs, DmlOptions options);
  }

  private static List<Prepared<RecordInput>> inputs(
      Request request, String objectName, boolean withId) {
    List<Prepared<RecordInput>> prepared = new ArrayList<>();
    for (JsonNode node : request.records()) {
      prepared.add(input(node, objectName, withId));
    }
    return prepared;
  }

  private static Prepared<RecordInput> input(JsonNode node, String objectName, boolean withId) {
    if (!node.isObject()) {
      throw Errors.jsonParser("Each record must be a JSON object, got " + node);
    }
    String type =
        Optional.ofNullable(objectName).orElse(node.path("attributes").path("type").asText(""));
    if (type.isEmpty()) {
      return Prepared.failed(CollectionsApi.noType());
    }
    Map<String, Object> fields = new LinkedHashMap<>(RecordBodies.fields((ObjectNode) node));
    if (!withId) {
      return Prepared.of(RecordInput.of(type, fields));
    }
    Object id = removeId(fields);
    if (id == null) {
      return Prepared.failed(ApiError.of("MISSING_ARGUMENT", "Id not specified in an update call"));
    }
    return Prepared.of(RecordInput.update(type, id.toString(), fields));
  }

  private static Object removeId(Map<String, Object> fields) {
    Object id = null;
    for (String key : List.copyOf(fields.keySet())) {
      if (key.equalsIgnoreCase("id")) {
        id = fields.remove(key);
      }
    }
    return id;
  }

  private <T> List<SaveResult> run(
      Context ctx, boolean allOrNone, List<Prepared<T>> prepared, Operation<T> operation) {
    List<Prepared<T>> withFaults = injectFaults(ctx, prepared);
    boolean anyFailed = withFaults.stream().anyMatch(p -> p.failure() != null);
    if (allOrNone && anyFailed) {
      return withFaults.stream()
          .map(p -> SaveResult.failed(p.failure() == null ? Errors.ROLLED_BACK : p.failure()))
          .toList();
    }
    List<T> inputs =
        withFaults.stream().filter(p -> p.failure() == null).map(Prepared::input).toList();
    DmlOptions options = CallContext.of(ctx).dmlOptions(allOrNone);
    List<SaveResult> done = inputs.isEmpty() ? List.of() : operation.apply(inputs, options);
    return merge(withFaults, done);
  }

  private <T> List<Prepared<T>> injectFaults(Context ctx, List<Prepared<T>> prepared) {
    List<Prepared<T>> result = new ArrayList<>(prepared.size());
    for (Prepared<T> p : prepared) {
      Optional<ApiError> fault =
          p.failure() != null
              ? Optional.empty()
              : org.faults().recordFault(ctx.method().name(), ctx.path());
      result.add(fault.<Prepared<T>>map(Prepared::failed).orElse(p));
    }
    return result;
  }

  private static <T> List<SaveResult> merge(List<Prepared<T>> prepared, List<SaveResult> done) {
    List<SaveResult> results = new ArrayList<>(prepared.size());
    int next = 0;
    for (Prepared<T> p : prepared) {
      results.add(p.failure() != null ? SaveResult.failed(p.failure()) : done.get(next++));
    }
    return results;
  }
}
