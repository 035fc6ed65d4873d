package io.pgforce.emulator.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.Errors;

/**
 * JSON in and out: parsing request bodies with Salesforce's {@code JSON_PARSER_ERROR} when they are
 * not JSON (Salesforce parses with Jackson too, so the messages read the same), and writing
 * response bodies as {@code application/json;charset=UTF-8}.
 */
public final class Json {

  /** Reads JSON numbers as exact decimals: no digit lost, no Infinity for 1e400. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  public static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Writes {@code body} with {@code status}. */
  public static void send(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
  }

  /**
   * The request body as JSON.
   *
   * @throws io.pgforce.emulator.errors.SalesforceException 400 {@code JSON_PARSER_ERROR}
   */
  public static JsonNode parse(String body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw Errors.jsonParser("No content to map due to end-of-input at [line:1, column:0]");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at [line:" + at.getLineNr() + ", column:" + at.getColumnNr() + "]";
      throw Errors.jsonParser(e.getOriginalMessage() + where);
    }
  }

  /** The body, which must be a JSON object. */
  public static ObjectNode parseObject(String body) {
    JsonNode node = parse(body);
    if (!node.isObject()) {
      throw Errors.jsonParser(
          "Cannot deserialize instance of SObject from "
              + node.getNodeType()
              + " value "
              + node
              + " at [line:1, column:1]");
    }
    return (ObjectNode) node;
  }
}
