package io.pgforce.emulator.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.RequestGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The streaming API area: the CometD endpoint at {@code /cometd/<version>}, and the streaming fault
 * controls under {@code /__emulator__/faults/streaming} (not a Salesforce API: no session needed,
 * errors are {@code {"error":"..."}}):
 *
 * <ul>
 *   <li>{@code GET} the state: delay, connected clients, last replayId, retained events;
 *   <li>{@code POST .../drop-connections}: drop every streaming client;
 *   <li>{@code POST .../delay} {@code {"delayMs":500}}: hold events back ({@code DELETE} to stop);
 *   <li>{@code POST .../gaps} {@code {"object":"Account","changes":2}}: the next changes of the
 *       object arrive as GAP_* events;
 *   <li>{@code POST .../gap-events} {@code {"object":"Account","changeType":"GAP_OVERFLOW",
 *       "recordIds":[]}}: publish one gap event now;
 *   <li>{@code DELETE}: clear the streaming faults.
 * </ul>
 */
public final class StreamingApi implements ApiArea {

  private static final String BASE = RequestGate.ADMIN_PREFIX + "/faults/streaming";

  private final CdcStreaming streaming;

  public StreamingApi(CdcStreaming streaming) {
    this.streaming = streaming;
  }

  @Override
  public void register(JavalinConfig config) {
    config.jetty.modifyServletContextHandler(streaming::mount);
    config.routes.get(BASE, this::state);
    config.routes.delete(BASE, ctx -> act(ctx, body -> streaming.faults().clear()));
    config.routes.post(
        BASE + "/drop-connections", ctx -> act(ctx, body -> faults().dropConnections()));
    config.routes.post(BASE + "/delay", ctx -> act(ctx, this::delay));
    config.routes.delete(
        BASE + "/delay", ctx -> act(ctx, body -> faults().delayEvents(Duration.ZERO)));
    config.routes.post(BASE + "/gaps", ctx -> act(ctx, this::gaps));
    config.routes.post(BASE + "/gap-events", ctx -> act(ctx, this::gapEvent));
  }

  @Override
  public void reset() {
    streaming.reset();
  }

  private StreamingFaults faults() {
    return streaming.faults();
  }

  private void state(Context ctx) {
    ObjectNode body = Json.object();
    body.put("delayMs", faults().eventDelay().toMillis());
    body.put("connectedClients", streaming.connectedClients());
    body.put("lastReplayId", streaming.lastReplayId());
    body.put("retainedEvents", streaming.retainedEvents());
    Json.send(ctx, 200, body);
  }

  private void delay(JsonNode body) {
    long millis = body.path("delayMs").asLong(-1);
    if (millis < 0) {
      throw new IllegalArgumentException("delayMs must be a number of milliseconds, 0 or more");
    }
    faults().delayEvents(Duration.ofMillis(millis));
  }

  private void gaps(JsonNode body) {
    faults().gapsFor(required(body, "object"), body.path("changes").asInt(1));
  }

  private void gapEvent(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.path("recordIds").forEach(id -> ids.add(id.asText()));
    faults().emitGap(required(body, "object"), required(body, "changeType"), ids);
  }

  private static String required(JsonNode body, String key) {
    if (!body.hasNonNull(key)) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
    return body.get(key).asText();
  }

  /** Runs an admin action: 204 when done, 400 {"error":...} for a bad request. */
  private static void act(Context ctx, Consumer<JsonNode> action) {
    try {
      action.accept(ctx.body().isBlank() ? Json.object() : Json.parseObject(ctx.body()));
      ctx.status(204);
    } catch (IllegalArgumentException e) {
      Json.send(ctx, 400, Json.object().put("error", e.getMessage()));
    } catch (SalesforceException e) {
      Json.send(ctx, 400, Json.object().put("error", e.errors().get(0).message()));
    }
  }
}
