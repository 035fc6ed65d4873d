package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgLimits;
import io.pgforce.emulator.server.OrgServices;

/** {@code /limits}: every limit's {@code Max} and {@code Remaining}. */
public final class LimitsApi implements ApiArea {

  private final OrgServices org;

  public LimitsApi(OrgServices org) {
    this.org = org;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/services/data/{version}/limits", this::limits);
  }

  private void limits(Context ctx) {
    ObjectNode body = Json.object();
    org.limits().snapshot().forEach((name, limit) -> put(body, name, limit));
    Json.send(ctx, 200, body);
  }

  private static void put(ObjectNode body, String name, OrgLimits.Limit limit) {
    ObjectNode item = body.putObject(name);
    item.put("Max", limit.max());
    item.put("Remaining", limit.remaining());
  }
}
