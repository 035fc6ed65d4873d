package io.pgforce.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accepts both shapes Heroku Connect uses for a new mapping: a whole export ({@code {"mappings":
 * [...]}}) and a single entry ({@code {"object_name": ..., "config": {...}}}), as its API's create
 * call takes.
 */
final class MappingBodies {

  private MappingBodies() {}

  static String asDocument(String body) {
    if (body == null || body.isBlank()) {
      throw new BadRequestException(
          "the body must be Heroku Connect mapping JSON: {\"mappings\": [...]} or one"
              + " {\"object_name\": ..., \"config\": {...}}");
    }
    try {
      JsonNode root = AdminJson.MAPPER.readTree(body);
      if (root != null && root.isObject() && root.has("object_name")) {
        return "{\"mappings\": [" + body + "]}";
      }
    } catch (JsonProcessingException e) {
      // MappingJson.read reports the same syntax error, with its line
    }
    return body;
  }
}
