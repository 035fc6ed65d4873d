package io.pgforce.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The narrow view of a session that JSON-speaking API classes need, so their logic (chunking,
 * per-record retries) can be tested without a network.
 */
public interface JsonApi {

  /** {@code /services/data/vXX.X} followed by {@code suffix}. */
  String dataPath(String suffix);

  /** Sends the request (with the session's retries) and parses the response as JSON. */
  JsonNode json(ApiRequest request);
}
