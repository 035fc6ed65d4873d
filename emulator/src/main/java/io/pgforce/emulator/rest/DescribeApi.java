package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * describeGlobal ({@code /sobjects}), the sObject basic information resource and sObject describe,
 * with {@code If-Modified-Since} answered by 304 when the metadata has not changed since.
 */
public final class DescribeApi implements ApiArea {

  private static final String BASE = "/services/data/{version}/sobjects";

  private final OrgServices org;

  public DescribeApi(OrgServices org) {
    this.org = org;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get(BASE, this::describeGlobal);
    config.routes.get(BASE + "/{sobject}/describe", this::describe);
    config.routes.get(BASE + "/{sobject}", this::basicInfo);
  }

  private void describeGlobal(Context ctx) {
    if (notModified(ctx)) {
      return;
    }
    String dataPath = CallContext.of(ctx).dataPath();
    ObjectNode body = Json.object();
    body.put("encoding", "UTF-8");
    body.put("maxBatchSize", 200);
    ArrayNode sobjects = body.putArray("sobjects");
    org.store()
        .schema()
        .objects()
        .forEach(o -> sobjects.add(DescribeJson.globalEntry(o, dataPath)));
    Json.send(ctx, 200, body);
  }

  private void describe(Context ctx) {
    SObjectDefinition object = object(ctx);
    if (notModified(ctx)) {
      return;
    }
    var children = org.store().schema().childRelationships(object.name());
    Json.send(ctx, 200, DescribeJson.describe(object, children, CallContext.of(ctx).dataPath()));
  }

  private void basicInfo(Context ctx) {
    SObjectDefinition object = object(ctx);
    ObjectNode body = Json.object();
    body.set("objectDescribe", DescribeJson.globalEntry(object, CallContext.of(ctx).dataPath()));
    body.putArray("recentItems");
    Json.send(ctx, 200, body);
  }

  private SObjectDefinition object(Context ctx) {
    return org.sobject(ctx.pathParam("sobject"));
  }

  private boolean notModified(Context ctx) {
    Optional<Instant> since = httpDate(ctx.header("If-Modified-Since"));
    if (since.isPresent() && !org.metadataModifiedAt().isAfter(since.get())) {
      ctx.status(304);
      return true;
    }
    return false;
  }

  private static Optional<Instant> httpDate(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
