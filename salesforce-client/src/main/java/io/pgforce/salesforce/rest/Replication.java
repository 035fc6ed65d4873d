package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.http.ApiCalls;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.SalesforceDates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The replication calls getUpdated and getDeleted: which records of an object changed or were
 * deleted in a window (Salesforce truncates the bounds to the minute).
 */
public final class Replication {

  private final ApiCalls transport;

  public Replication(ApiCalls transport) {
    this.transport = transport;
  }

  public UpdatedIds getUpdated(String sobject, Instant start, Instant end) {
    JsonNode body = transport.json(ApiRequest.get(window(sobject, "updated", start, end)));
    List<String> ids = new ArrayList<>();
    body.path("ids").forEach(id -> ids.add(id.asText()));
    return new UpdatedIds(ids, date(body, "latestDateCovered"));
  }

  public DeletedRecords getDeleted(String sobject, Instant start, Instant end) {
    JsonNode body = transport.json(ApiRequest.get(window(sobject, "deleted", start, end)));
    List<DeletedRecords.DeletedRecord> records = new ArrayList<>();
    for (JsonNode deleted : body.path("deletedRecords")) {
      records.add(
          new DeletedRecords.DeletedRecord(
              deleted.path("id").asText(), date(deleted, "deletedDate")));
    }
    return new DeletedRecords(
        records, date(body, "earliestDateAvailable"), date(body, "latestDateCovered"));
  }

  private String window(String sobject, String kind, Instant start, Instant end) {
    ApiNames.requireApiName(sobject, "object");
    return transport.dataPath(
        "/sobjects/"
            + sobject
            + "/"
            + kind
            + "/?start="
            + parameter(start)
            + "&end="
            + parameter(end));
  }

  private static String parameter(Instant instant) {
    return URLEncoder.encode(SalesforceDates.formatQueryParameter(instant), StandardCharsets.UTF_8);
  }

  private static Instant date(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : SalesforceDates.parseDateTime(value.asText());
  }
}
