package io.pgforce.emulator.server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A complete response decided deep inside a handler that is not an error, such as the 300 Multiple
 * Choices of an external id matching several records. Thrown to leave the handler; the {@link
 * ErrorMapper} writes it as it is.
 */
public final class JsonResponse extends RuntimeException {

  private final int status;
  private final transient JsonNode body;

  public JsonResponse(int status, JsonNode body) {
    super("HTTP " + status, null, false, false);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public JsonNode body() {
    return body;
  }
}
