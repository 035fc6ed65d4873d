package io.pgforce.emulator.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.metadata.FieldDefinition;
import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.soql.SoqlParser;

/**
 * Reads and checks the body of a job-creating request ({@code POST /jobs/query}, {@code POST
 * /jobs/ingest}), refusing what Salesforce refuses with {@code INVALIDJOB}.
 */
final class JobRequests {

  private JobRequests() {}

  /** {@code {"operation":"query","query":"SELECT ...","columnDelimiter":...,"lineEnding":...}}. */
  static JobSpec query(JsonNode body, CallContext call) {
    BulkOperation operation = operation(body);
    if (!operation.isQuery()) {
      throw BulkErrors.invalidJob(
          "Invalid operation: " + operation.wireName() + "; a query job is query or queryAll");
    }
    String soql = text(body, "query");
    if (soql == null || soql.isBlank()) {
      throw BulkErrors.invalidJob("A query is required");
    }
    return spec(body, call, operation, fromObject(soql), soql, null);
  }

  /** {@code {"object":"Contact","operation":"upsert","externalIdFieldName":"Ext__c",...}}. */
  static JobSpec ingest(JsonNode body, CallContext call, OrgSchema schema) {
    BulkOperation operation = operation(body);
    if (operation.isQuery()) {
      throw BulkErrors.invalidJob(
          "Invalid operation: " + operation.wireName() + "; use /jobs/query for queries");
    }
    String objectName = text(body, "object");
    SObjectDefinition type =
        schema
            .find(objectName == null ? "" : objectName)
            .orElseThrow(
                () -> BulkErrors.invalidJob("sObject type '" + objectName + "' is not supported."));
    String externalId = operation == BulkOperation.UPSERT ? externalIdField(body, type) : null;
    return spec(body, call, operation, type.name(), null, externalId);
  }

  private static JobSpec spec(
      JsonNode body,
      CallContext call,
      BulkOperation operation,
      String objectName,
      String soql,
      String externalId) {
    String contentType = text(body, "contentType");
    if (contentType != null && !contentType.equals("CSV")) {
      throw BulkErrors.invalidJob(
          "Invalid contentType: " + contentType + "; only CSV is supported");
    }
    CsvDialect dialect =
        CsvDialect.of(text(body, "columnDelimiter"), text(body, "lineEnding"))
            .orElseThrow(
                () ->
                    BulkErrors.invalidJob(
                        "Invalid columnDelimiter or lineEnding: "
                            + text(body, "columnDelimiter")
                            + ", "
                            + text(body, "lineEnding")));
    return new JobSpec(
        operation,
        objectName,
        soql,
        externalId,
        dialect,
        call.version(),
        call.session().userId(),
        call.clientId());
  }

  private static BulkOperation operation(JsonNode body) {
    String name = text(body, "operation");
    return BulkOperation.fromWire(name == null ? "" : name)
        .orElseThrow(() -> BulkErrors.invalidJob("Invalid operation: " + name));
  }

  private static String externalIdField(JsonNode body, SObjectDefinition type) {
    String name = text(body, "externalIdFieldName");
    if (name == null || name.isBlank()) {
      throw BulkErrors.invalidJob(
          "External ID was blank for "
              + type.name()
              + ". An External ID must be specified for upsert.");
    }
    return type.field(name)
        .filter(FieldDefinition::indexed)
        .map(FieldDefinition::name)
        .orElseThrow(
            () ->
                BulkErrors.invalidJob(
                    "Field name provided, "
                        + name
                        + " is not an External ID or indexed field for "
                        + type.name()));
  }

  /** The FROM object of the query, for the job info; null when the query cannot be read yet. */
  private static String fromObject(String soql) {
    try {
      return SoqlParser.parse(soql).objectName();
    } catch (SalesforceException e) {
      return null;
    }
  }

  private static String text(JsonNode body, String key) {
    JsonNode value = body.get(key);
    return value == null || value.isNull() ? null : value.asText();
  }
}
