package io.pgforce.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.faults.FaultInjector;
import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgLimits;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.server.RequestGate;

/**
 * {@code /__emulator__}: install and remove fault rules, expire every session, read and clear call
 * statistics, reset the org. Not a Salesforce API: no session is needed, errors are {@code
 * {"error": "..."}}.
 */
public final class AdminApi implements ApiArea {

  private static final String BASE = RequestGate.ADMIN_PREFIX;

  private final OrgServices org;
  private final Runnable resetOrg;

  /**
   * @param resetOrg empties the org (data, sessions, faults, statistics), keeping metadata
   */
  public AdminApi(OrgServices org, Runnable resetOrg) {
    this.org = org;
    this.resetOrg = resetOrg;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get(BASE + "/faults", this::listFaults);
    config.routes.post(BASE + "/faults", this::addFault);
    config.routes.delete(BASE + "/faults", ctx -> noContent(ctx, org.faults()::clear));
    config.routes.post(
        BASE + "/faults/expire-sessions", ctx -> noContent(ctx, org.sessions()::expireAll));
    config.routes.post(
        BASE + "/faults/revoke-user",
        ctx -> noContent(ctx, () -> org.sessions().refuseUser(org.identity().userId())));
    config.routes.post(
        BASE + "/faults/restore-user",
        ctx -> noContent(ctx, () -> org.sessions().restoreUser(org.identity().userId())));
    config.routes.delete(BASE + "/faults/{id}", this::removeFault);
    config.routes.get(BASE + "/stats", this::stats);
    config.routes.delete(BASE + "/stats", ctx -> noContent(ctx, org.stats()::reset));
    config.routes.post(BASE + "/reset", ctx -> noContent(ctx, resetOrg));
  }

  private void listFaults(Context ctx) {
    ObjectNode body = Json.object();
    ArrayNode faults = body.putArray("faults");
    org.faults().rules().forEach(rule -> faults.add(FaultJson.write(rule)));
    Json.send(ctx, 200, body);
  }

  private void addFault(Context ctx) {
    FaultRule rule;
    try {
      rule = FaultJson.read(parse(ctx));
    } catch (IllegalArgumentException e) {
      badRequest(ctx, e.getMessage());
      return;
    }
    FaultInjector.ActiveRule added = org.faults().add(rule);
    Json.send(ctx, 201, FaultJson.write(added));
  }

  private void removeFault(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      badRequest(ctx, "fault ids are numbers");
      return;
    }
    if (org.faults().remove(id)) {
      ctx.status(204);
    } else {
      ctx.status(404);
      Json.send(ctx, 404, Json.object().put("error", "no fault rule " + id));
    }
  }

  private void stats(Context ctx) {
    ObjectNode body = Json.object();
    body.put("totalCalls", org.stats().total());
    ObjectNode calls = body.putObject("callsByEndpoint");
    org.stats().snapshot().forEach(calls::put);
    OrgLimits.Limit requests = org.limits().get(OrgLimits.DAILY_API_REQUESTS);
    body.putObject("dailyApiRequests").put("used", requests.used()).put("max", requests.max());
    ObjectNode records = body.putObject("records");
    for (SObjectDefinition type : org.store().schema().objects()) {
      records.put(type.name(), org.store().count(type.name()));
    }
    Json.send(ctx, 200, body);
  }

  private static JsonNode parse(Context ctx) {
    try {
      return Json.parseObject(ctx.body());
    } catch (SalesforceException e) {
      throw new IllegalArgumentException(e.errors().get(0).message());
    }
  }

  private static void noContent(Context ctx, Runnable action) {
    action.run();
    ctx.status(204);
  }

  private static void badRequest(Context ctx, String message) {
    Json.send(ctx, 400, Json.object().put("error", message));
  }
}
