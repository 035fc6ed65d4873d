package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.store.RecordIds;
import io.pgforce.emulator.store.RecordInput;
import io.pgforce.emulator.store.SaveResult;
import io.pgforce.emulator.store.StoredRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Single records: create ({@code POST /sobjects/X}), retrieve with optional {@code fields=}, update
 * ({@code PATCH}, or {@code POST ?_HttpMethod=PATCH}) and delete by id; retrieve, upsert and delete
 * by external id ({@code /sobjects/X/Field__c/value}).
 */
public final class RecordsApi implements ApiArea {

  private static final String OBJECT = "/services/data/{version}/sobjects/{sobject}";

  private final OrgServices org;
  private final ExternalIdRecords byExternalId;

  public RecordsApi(OrgServices org) {
    this.org = org;
    this.byExternalId = new ExternalIdRecords(org, this);
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post(OBJECT, this::create);
    config.routes.get(OBJECT + "/{id}", this::retrieve);
    config.routes.patch(OBJECT + "/{id}", this::update);
    config.routes.delete(OBJECT + "/{id}", this::delete);
    config.routes.post(OBJECT + "/{id}", this::overriddenMethod);
    byExternalId.register(config, OBJECT + "/{field}/{value}");
  }

  private void create(Context ctx) {
    SObjectDefinition type = objectOf(ctx);
    Map<String, Object> fields = RecordBodies.fields(Json.parseObject(ctx.body()));
    SaveResult result =
        single(
            org.store()
                .dml()
                .create(List.of(RecordInput.of(type.name(), fields)), call(ctx).dmlOptions(false)));
    ObjectNode body = Json.object();
    body.put("id", result.id().orElseThrow());
    body.putArray("errors");
    body.put("success", true);
    Json.send(ctx, 201, body);
  }

  private void retrieve(Context ctx) {
    SObjectDefinition type = objectOf(ctx);
    StoredRecord record = liveRecord(type, ctx.pathParam("id"));
    send(ctx, 200, record);
  }

  /** Writes a record, limited to {@code fields=} when the request names some. */
  void send(Context ctx, int status, StoredRecord record) {
    List<FieldDefinition> fields = requestedFields(record.type(), ctx.queryParam("fields"));
    Json.send(ctx, status, RecordJson.record(record, fields, call(ctx).dataPath()));
  }

  private void update(Context ctx) {
    SObjectDefinition type = objectOf(ctx);
    StoredRecord record = liveRecord(type, ctx.pathParam("id"));
    updateRecord(ctx, record);
  }

  void updateRecord(Context ctx, StoredRecord record) {
    Map<String, Object> fields = RecordBodies.fields(Json.parseObject(ctx.body()));
    single(
        org.store()
            .dml()
            .update(
                List.of(RecordInput.update(record.type().name(), record.id(), fields)),
                call(ctx).dmlOptions(false)));
    ctx.status(204);
  }

  private void delete(Context ctx) {
    deleteRecord(ctx, liveRecord(objectOf(ctx), ctx.pathParam("id")));
  }

  void deleteRecord(Context ctx, StoredRecord record) {
    single(org.store().dml().delete(List.of(record.id()), call(ctx).dmlOptions(false)));
    ctx.status(204);
  }

  /** {@code POST ...?_HttpMethod=PATCH}, for clients that cannot send PATCH. */
  private void overriddenMethod(Context ctx) {
    String method = ctx.queryParam("_HttpMethod");
    if ("PATCH".equalsIgnoreCase(method)) {
      update(ctx);
    } else if ("DELETE".equalsIgnoreCase(method)) {
      delete(ctx);
    } else {
      throw Errors.methodNotAllowed("POST");
    }
  }

  SObjectDefinition objectOf(Context ctx) {
    return org.sobject(ctx.pathParam("sobject"));
  }

  /**
   * The live record a URL names. A single path segment that is no id of this object is read as an
   * external id field name, which is why Salesforce answers it with this 404.
   */
  StoredRecord liveRecord(SObjectDefinition type, String rawId) {
    String id =
        RecordIds.normalize(rawId)
            .filter(i -> RecordIds.keyPrefix(i).equals(type.keyPrefix()))
            .orElseThrow(() -> Errors.externalIdFieldNotFound(rawId));
    StoredRecord record = org.store().find(id).orElseThrow(Errors::notFound);
    if (record.deleted()) {
      throw new SalesforceException(404, ApiError.of("ENTITY_IS_DELETED", "entity is deleted"));
    }
    return record;
  }

  private static List<FieldDefinition> requestedFields(SObjectDefinition type, String fields) {
    if (fields == null || fields.isBlank()) {
      return type.fields();
    }
    return Arrays.stream(fields.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .map(
            name ->
                type.field(name)
                    .orElseThrow(
                        () -> new SalesforceException(400, Errors.noSuchColumn(name, type.name()))))
        .toList();
  }

  /** The one result of a single-record call; a failure is the request's error. */
  static SaveResult single(List<SaveResult> results) {
    SaveResult result = results.get(0);
    if (!result.success()) {
      boolean deleted = result.errors().get(0).code().equals("ENTITY_IS_DELETED");
      throw new SalesforceException(deleted ? 404 : 400, result.errors());
    }
    return result;
  }

  static CallContext call(Context ctx) {
    return CallContext.of(ctx);
  }

  /** The 300 body: the URLs of every record an external id value matches. */
  static ArrayNode urls(String dataPath, String objectName, List<String> ids) {
    ArrayNode urls = Json.array();
    ids.forEach(id -> urls.add(RecordJson.recordUrl(dataPath, objectName, id)));
    return urls;
  }
}
