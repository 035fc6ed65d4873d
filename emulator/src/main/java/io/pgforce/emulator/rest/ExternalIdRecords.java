package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.JsonResponse;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.store.SaveResult;
import io.pgforce.emulator.store.StoredRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records addressed by an external id value ({@code /sobjects/Account/Ext__c/42}): retrieve, upsert
 * (201 created, 200 updated with {@code "created":false}, 300 when several records hold the value)
 * and delete. {@code Id} works as the field too, addressing a record by its id.
 */
final class ExternalIdRecords {

  /** Since v46 an upsert that updates answers 200 with a body; before, 204. */
  private static final int UPSERT_BODY_SINCE = 46;

  private final OrgServices org;
  private final RecordsApi records;

  ExternalIdRecords(OrgServices org, RecordsApi records) {
    this.org = org;
    this.records = records;
  }

  void register(JavalinConfig config, String path) {
    config.routes.get(path, this::retrieve);
    config.routes.patch(path, this::upsert);
    config.routes.delete(path, this::delete);
    config.routes.post(path, this::overriddenMethod);
  }

  private void retrieve(Context ctx) {
    records.send(ctx, 200, match(ctx));
  }

  private void delete(Context ctx) {
    records.deleteRecord(ctx, match(ctx));
  }

  private void overriddenMethod(Context ctx) {
    if ("PATCH".equalsIgnoreCase(ctx.queryParam("_HttpMethod"))) {
      upsert(ctx);
    } else {
      throw Errors.methodNotAllowed("POST");
    }
  }

  private void upsert(Context ctx) {
    SObjectDefinition type = records.objectOf(ctx);
    String field = ctx.pathParam("field");
    String value = ctx.pathParam("value");
    if (field.equalsIgnoreCase(SystemFields.ID)) {
      records.updateRecord(ctx, records.liveRecord(type, value));
      return;
    }
    Map<String, Object> fields =
        withValue(RecordBodies.fields(Json.parseObject(ctx.body())), field, value);
    refuseAmbiguous(ctx, type, field, value);
    CallContext call = CallContext.of(ctx);
    List<RecordInput> input = List.of(RecordInput.of(type.name(), fields));
    sendUpserted(
        ctx,
        call,
        RecordsApi.single(
            org.store().dml().upsert(type.name(), field, input, call.dmlOptions(false))));
  }

  /** 201 for a new record, 200 for an updated one (204 before v46). */
  private static void sendUpserted(Context ctx, CallContext call, SaveResult result) {
    boolean created = result.created().orElse(false);
    if (!created && Double.parseDouble(call.version()) < UPSERT_BODY_SINCE) {
      ctx.status(204);
      return;
    }
    ObjectNode body = Json.object();
    body.put("id", result.id().orElseThrow());
    body.put("success", true);
    body.putArray("errors");
    body.put("created", created);
    Json.send(ctx, created ? 201 : 200, body);
  }

  private static Map<String, Object> withValue(
      Map<String, Object> body, String field, String value) {
    Map<String, Object> fields = new LinkedHashMap<>();
    body.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase(field)) {
            fields.put(k, v);
          }
        });
    fields.put(field, value);
    return fields;
  }

  /** The one live record holding the value; 404 for none, 300 for several. */
  private StoredRecord match(Context ctx) {
    SObjectDefinition type = records.objectOf(ctx);
    String field = ctx.pathParam("field");
    String value = ctx.pathParam("value");
    if (field.equalsIgnoreCase(SystemFields.ID)) {
      return records.liveRecord(type, value);
    }
    List<String> ids = refuseAmbiguous(ctx, type, field, value);
    if (ids.isEmpty()) {
      throw Errors.notFound();
    }
    return org.store().find(ids.get(0)).orElseThrow(Errors::notFound);
  }

  private List<String> refuseAmbiguous(
      Context ctx, SObjectDefinition type, String field, String value) {
    List<String> ids = org.store().dml().matchExternalId(type.name(), field, value);
    if (ids.size() > 1) {
      throw new JsonResponse(
          300, RecordsApi.urls(CallContext.of(ctx).dataPath(), type.name(), ids));
    }
    return ids;
  }
}
