package io.pgforce.salesforce.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The calls the API classes make as the logged-in session, so that their logic (paging, chunking,
 * per-record retries, bulk job lifecycles) can be tested without a network.
 */
public interface ApiCalls {

  /** {@code /services/data/vXX.X} followed by {@code suffix}. */
  String dataPath(String suffix);

  /** Sends the request (with the session's retries) and parses the response as JSON. */
  JsonNode json(ApiRequest request);

  /** Sends the request and reads the whole response with {@code reader}, retrying both. */
  <T> T call(ApiRequest request, ResponseReader<T> reader);

  /**
   * Sends the request, retrying until a successful response starts, and returns it unread; the
   * caller closes it. Nothing after that point is retried.
   */
  ApiResponse open(ApiRequest request);
}
