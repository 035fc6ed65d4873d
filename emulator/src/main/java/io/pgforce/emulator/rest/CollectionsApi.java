package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.store.RecordIds;
import io.pgforce.emulator.store.SaveResult;
import io.pgforce.emulator.store.StoredRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * sObject Collections ({@code /composite/sobjects}): create, update, upsert and delete up to 200
 * records in one call, each with its own result in request order, and retrieve several records by
 * id. Per-record faults from the injector fail single records here, as Salesforce reports {@code
 * UNABLE_TO_LOCK_ROW}.
 */
public final class CollectionsApi implements ApiArea {

  static final int MAX_RECORDS = 200;
  private static final String PATH = "/services/data/{version}/composite/sobjects";

  private final OrgServices org;
  private final CollectionWrites writes;

  public CollectionsApi(OrgServices org) {
    this.org = org;
    this.writes = new CollectionWrites(org);
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post(PATH, ctx -> send(ctx, writes.create(ctx, body(ctx)), false));
    config.routes.patch(PATH, ctx -> send(ctx, writes.update(ctx, body(ctx)), false));
    config.routes.delete(PATH, ctx -> send(ctx, writes.delete(ctx, ids(ctx)), false));
    config.routes.patch(
        PATH + "/{sobject}/{field}",
        ctx ->
            send(
                ctx,
                writes.upsert(ctx, ctx.pathParam("sobject"), ctx.pathParam("field"), body(ctx)),
                true));
    config.routes.get(PATH + "/{sobject}", this::retrieve);
  }

  private static CollectionWrites.Request body(Context ctx) {
    ObjectNode body = Json.parseObject(ctx.body());
    JsonNode records = body.get("records");
    if (records == null || !records.isArray()) {
      throw Errors.jsonParser("The request must hold a \"records\" array of sObjects");
    }
    if (records.size() > MAX_RECORDS) {
      throw Errors.badRequest("EXCEEDED_ID_LIMIT", "record limit exceeded");
    }
    JsonNode allOrNone = body.path("allOrNone");
    return new CollectionWrites.Request(
        allOrNone.asBoolean(false) || "true".equalsIgnoreCase(allOrNone.asText()),
        (ArrayNode) records);
  }

  private static CollectionWrites.DeleteRequest ids(Context ctx) {
    List<String> ids = split(ctx.queryParam("ids"));
    if (ids.isEmpty()) {
      throw Errors.badRequest("MISSING_ARGUMENT", "ids: the record ids to delete are required");
    }
    if (ids.size() > MAX_RECORDS) {
      throw Errors.badRequest("EXCEEDED_ID_LIMIT", "record limit exceeded");
    }
    return new CollectionWrites.DeleteRequest(
        "true".equalsIgnoreCase(ctx.queryParam("allOrNone")), ids);
  }

  private static void send(Context ctx, List<SaveResult> results, boolean upsert) {
    ArrayNode body = Json.array();
    results.forEach(r -> body.add(RecordJson.saveResult(r, upsert)));
    Json.send(ctx, 200, body);
  }

  /** {@code GET /composite/sobjects/X?ids=...&fields=...}: the records, null where none is. */
  private void retrieve(Context ctx) {
    SObjectDefinition type = org.sobject(ctx.pathParam("sobject"));
    List<String> ids = split(ctx.queryParam("ids"));
    List<String> names = split(ctx.queryParam("fields"));
    if (ids.isEmpty() || names.isEmpty()) {
      throw Errors.badRequest("MISSING_ARGUMENT", "ids and fields are required");
    }
    List<FieldDefinition> fields = new ArrayList<>();
    for (String name : names) {
      fields.add(
          type.field(name)
              .orElseThrow(
                  () ->
                      new io.pgforce.emulator.errors.SalesforceException(
                          400, Errors.noSuchColumn(name, type.name()))));
    }
    String dataPath = CallContext.of(ctx).dataPath();
    ArrayNode body = Json.array();
    for (String id : ids) {
      StoredRecord record =
          RecordIds.normalize(id)
              .flatMap(org.store()::find)
              .filter(r -> r.type() == type && !r.deleted())
              .orElse(null);
      body.add(
          record == null ? Json.MAPPER.nullNode() : RecordJson.record(record, fields, dataPath));
    }
    Json.send(ctx, 200, body);
  }

  private static List<String> split(String csv) {
    return csv == null
        ? List.of()
        : Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The error a record without {@code attributes.type} gets. */
  static ApiError noType() {
    return ApiError.of("INVALID_TYPE", "Must send a concrete entity type.");
  }
}
