package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.ApiVersions;
import io.pgforce.emulator.server.CallContext;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;

/**
 * The versions list ({@code /services/data}, open to anyone, as in Salesforce) and the resources
 * directory of one version ({@code /services/data/v60.0}).
 */
public final class VersionsApi implements ApiArea {

  private static final String[] RESOURCES = {
    "sobjects", "query", "queryAll", "limits", "composite", "search", "tooling", "jobs"
  };

  private final OrgServices org;

  public VersionsApi(OrgServices org) {
    this.org = org;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get("/services/data", this::versions);
    config.routes.get("/services/data/{version}", this::resources);
  }

  private void versions(Context ctx) {
    ArrayNode body = Json.array();
    for (ApiVersions.Version version : org.versions().all()) {
      ObjectNode item = body.addObject();
      item.put("label", version.label());
      item.put("url", version.url());
      item.put("version", version.version());
    }
    Json.send(ctx, 200, body);
  }

  private void resources(Context ctx) {
    String dataPath = CallContext.of(ctx).dataPath();
    ObjectNode body = Json.object();
    for (String resource : RESOURCES) {
      body.put(resource, dataPath + "/" + resource);
    }
    Json.send(ctx, 200, body);
  }
}
