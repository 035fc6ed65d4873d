package io.pgforce.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A record as the REST API returns it: its fields plus an {@code attributes} object with the type
 * and URL. Parent relationships nest ({@code "Account":{"Name":"Acme"}}) and are reachable with a
 * dotted path.
 */
public final class SObjectRecord {

  private final ObjectNode json;

  public SObjectRecord(ObjectNode json) {
    this.json = json;
  }

  /** The object's API name, from {@code attributes.type}. */
  public String type() {
    return json.path("attributes").path("type").asText(null);
  }

  /** The record id: the {@code Id} field, or the last segment of {@code attributes.url}. */
  public Optional<String> id() {
    JsonNode id = json.get("Id");
    if (id != null && id.isTextual()) {
      return Optional.of(id.asText());
    }
    String url = json.path("attributes").path("url").asText("");
    int slash = url.lastIndexOf('/');
    return slash < 0 || slash == url.length() - 1
        ? Optional.empty()
        : Optional.of(url.substring(slash + 1));
  }

  /**
   * A field's value: {@code NullNode} when Salesforce sent null, {@link MissingNode} when the
   * record has no such field. {@code Account.Owner.Name} walks parent relationships.
   */
  public JsonNode get(String field) {
    JsonNode node = json;
    for (String part : field.split("\\.")) {
      node =
          node.isObject() ? fieldIgnoringCase((ObjectNode) node, part) : MissingNode.getInstance();
    }
    return node;
  }

  /** A field's value as text, empty when null or missing. */
  public Optional<String> text(String field) {
    JsonNode value = get(field);
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** The record exactly as received. Mutating it changes this record. */
  public ObjectNode json() {
    return json;
  }

  @Override
  public String toString() {
    return json.toString();
  }

  /** SOQL echoes field names as written in the query, but API names are case-insensitive. */
  private static JsonNode fieldIgnoringCase(ObjectNode node, String name) {
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    var fields = node.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return MissingNode.getInstance();
  }
}
