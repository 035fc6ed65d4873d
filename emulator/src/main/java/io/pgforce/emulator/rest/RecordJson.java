package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.WireFormat;
import io.pgforce.emulator.soql.FieldPath;
import io.pgforce.emulator.soql.QueryPlan;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.store.SaveResult;
import io.pgforce.emulator.store.StoredRecord;
import java.util.List;

/**
 * Records and save results as REST JSON: every record starts with {@code attributes} (type and
 * URL), parent fields of a query nest under the relationship name, and sObject Collections results
 * carry {@code statusCode} where single-record errors carry {@code errorCode}.
 */
final class RecordJson {

  private RecordJson() {}

  static String recordUrl(String dataPath, String objectName, String id) {
    return dataPath + "/sobjects/" + objectName + "/" + id;
  }

  static ObjectNode withAttributes(StoredRecord record, String dataPath) {
    ObjectNode node = Json.object();
    ObjectNode attributes = node.putObject("attributes");
    attributes.put("type", record.type().name());
    attributes.put("url", recordUrl(dataPath, record.type().name(), record.id()));
    return node;
  }

  /** A record with the given fields (all of them for a plain retrieve), in that order. */
  static ObjectNode record(StoredRecord record, List<FieldDefinition> fields, String dataPath) {
    ObjectNode node = withAttributes(record, dataPath);
    for (FieldDefinition field : fields) {
      node.set(field.name(), WireFormat.value(FieldPath.valueOn(record, field)));
    }
    return node;
  }

  /** A query result row: selected fields in order, parent fields nested by relationship. */
  static ObjectNode queryRow(StoredRecord record, QueryPlan plan, String dataPath, OrgStore store) {
    ObjectNode root = withAttributes(record, dataPath);
    for (FieldPath column : plan.columns()) {
      putPath(root, record, column, dataPath, store);
    }
    return root;
  }

  private static void putPath(
      ObjectNode root, StoredRecord record, FieldPath column, String dataPath, OrgStore store) {
    ObjectNode node = root;
    StoredRecord current = record;
    for (FieldDefinition lookup : column.lookups()) {
      String relationship = lookup.relationshipName().orElseThrow();
      StoredRecord parent = parentOf(current, lookup, store);
      JsonNode existing = node.get(relationship);
      if (parent == null || (existing != null && existing.isNull())) {
        node.putNull(relationship);
        return;
      }
      if (existing == null) {
        existing = withAttributes(parent, dataPath);
        node.set(relationship, existing);
      }
      node = (ObjectNode) existing;
      current = parent;
    }
    node.set(column.field().name(), WireFormat.value(FieldPath.valueOn(current, column.field())));
  }

  private static StoredRecord parentOf(StoredRecord child, FieldDefinition lookup, OrgStore store) {
    Object parentId = child.get(lookup);
    return parentId == null
        ? null
        : store.find((String) parentId).filter(r -> !r.deleted()).orElse(null);
  }

  /** One sObject Collections result; {@code created} only for upserts. */
  static ObjectNode saveResult(SaveResult result, boolean upsert) {
    ObjectNode node = Json.object();
    result.id().filter(id -> result.success()).ifPresent(id -> node.put("id", id));
    node.put("success", result.success());
    var errors = node.putArray("errors");
    for (ApiError error : result.errors()) {
      ObjectNode item = errors.addObject();
      item.put("statusCode", error.code());
      item.put("message", error.message());
      error.fieldsOrEmpty().forEach(item.putArray("fields")::add);
    }
    if (upsert && result.success()) {
      node.put("created", result.created().orElse(false));
    }
    return node;
  }
}
