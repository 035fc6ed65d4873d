package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.emulator.errors.Errors;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON record body as the raw field values DML converts: strings, numbers (as BigDecimal, so no
 * digit is lost), booleans and nulls. {@code attributes} is metadata, not a field. An object is a
 * parent named by external id ({@code "Account": {"Ext_Id__c": "A-1"}}) and passes as a map of its
 * scalar values, which DML resolves; an array as a field value cannot be deserialised, as in
 * Salesforce.
 */
final class RecordBodies {

  private RecordBodies() {}

  static Map<String, Object> fields(ObjectNode body) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = body.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (!entry.getKey().equals("attributes")) {
        fields.put(entry.getKey(), raw(entry.getKey(), entry.getValue()));
      }
    }
    return fields;
  }

  private static Object raw(String field, JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isObject()) {
      return fields((ObjectNode) value);
    }
    throw Errors.jsonParser(
        "Cannot deserialize instance of "
            + field
            + " from "
            + (value.isArray() ? "START_ARRAY" : "START_OBJECT")
            + " value "
            + value);
  }
}
