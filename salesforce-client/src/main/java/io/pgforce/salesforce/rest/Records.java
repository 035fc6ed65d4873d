package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pgforce.salesforce.auth.SessionTransport;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Single-record calls on {@code /sobjects/{Object}/...}. */
public final class Records {

  private static final Set<String> GONE = Set.of("NOT_FOUND", "ENTITY_IS_DELETED");

  private final SessionTransport transport;

  public Records(SessionTransport transport) {
    this.transport = transport;
  }

  /** Creates a record and returns its id. */
  public String create(String sobject, Map<String, Object> fields) {
    ApiRequest request = ApiRequest.post(objectPath(sobject) + "/").json(fields);
    return transport.json(request).path("id").asText();
  }

  /**
   * Reads a record, or empty when no record has that id (or it is deleted).
   *
   * @param fields the fields to read; all fields when empty
   */
  public Optional<SObjectRecord> retrieve(String sobject, String id, List<String> fields) {
    fields.forEach(f -> ApiNames.requireApiName(f, "field"));
    String query = fields.isEmpty() ? "" : "?fields=" + String.join(",", fields);
    ApiRequest request = ApiRequest.get(recordPath(sobject, id) + query);
    try {
      return Optional.of(new SObjectRecord((ObjectNode) transport.json(request)));
    } catch (SalesforceException e) {
      if (e.httpStatus() == 404 && GONE.contains(e.errorCode())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public void update(String sobject, String id, Map<String, Object> fields) {
    transport.call(ApiRequest.patch(recordPath(sobject, id)).json(fields), response -> null);
  }

  /**
   * Inserts or updates the record whose {@code extIdField} equals {@code extIdValue}.
   *
   * @return the record's id when Salesforce says it (API 46.0 and later), and whether it was
   *     created
   */
  public SaveResult upsert(
      String sobject, String extIdField, String extIdValue, Map<String, Object> fields) {
    ApiNames.requireApiName(extIdField, "external id field");
    String value = URLEncoder.encode(extIdValue, StandardCharsets.UTF_8).replace("+", "%20");
    ApiRequest request =
        ApiRequest.patch(objectPath(sobject) + "/" + extIdField + "/" + value).json(fields);
    return transport.call(
        request,
        response -> {
          JsonNode body = response.status() == 204 ? null : readTree(response.body());
          return body == null || !body.isObject()
              ? new SaveResult(Optional.empty(), true, response.status() == 201, List.of())
              : SaveResult.fromJson(body, response.status() == 201);
        });
  }

  /** Deletes a record (to the Recycle Bin). */
  public void delete(String sobject, String id) {
    transport.call(ApiRequest.delete(recordPath(sobject, id)), response -> null);
  }

  private String objectPath(String sobject) {
    return transport.dataPath("/sobjects/" + ApiNames.requireApiName(sobject, "object"));
  }

  private String recordPath(String sobject, String id) {
    return objectPath(sobject) + "/" + ApiNames.requireId(id);
  }

  private static JsonNode readTree(InputStream body) throws IOException {
    return Json.MAPPER.readTree(body);
  }
}
