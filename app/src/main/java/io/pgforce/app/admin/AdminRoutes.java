package io.pgforce.app.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.pgforce.engine.mapping.MappingDocument;
import io.pgforce.engine.mapping.MappingJson;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JSON API under {@code /api/v1}; docs/operations.md describes each route. */
final class AdminRoutes {

  static final String BASE = "/api/v1";
  private static final Logger LOG = LoggerFactory.getLogger(AdminRoutes.class);
  private static final int DEFAULT_ERRORS = 50;
  private static final int MAX_ERRORS = 500;

  private final AdminBackend backend;
  private final AdminJson json;

  AdminRoutes(AdminBackend backend, AdminJson json) {
    this.backend = backend;
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.get(BASE + "/connection", this::connection);
    routes.post(BASE + "/connection/{action}", this::connectionAction);
    routes.get(BASE + "/mappings", ctx -> send(ctx, 200, json.mappings(backend.mappings())));
    routes.post(BASE + "/mappings", this::create);
    routes.get(BASE + "/mappings/{object}", ctx -> send(ctx, 200, json.mapping(mapping(ctx))));
    routes.post(BASE + "/mappings/{object}/{action}", this::mappingAction);
    routes.get(BASE + "/errors", this::errors);
    routes.post(BASE + "/errors/{id}/retry", this::retry);
    routes.get(BASE + "/export", this::export);
  }

  static void send(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType("application/json").result(AdminJson.text(body));
  }

  private void connection(Context ctx) {
    send(ctx, 200, json.connection(backend.connection(), backend.mappings()));
  }

  /** Pause or resume every mapping at once, as Heroku Connect pauses a whole connection. */
  private void connectionAction(Context ctx) {
    MappingAction action = action(ctx, List.of(MappingAction.PAUSE, MappingAction.RESUME));
    ObjectNode body = AdminJson.MAPPER.createObjectNode();
    body.put("action", action.path());
    ArrayNode names = body.putArray("mappings");
    for (MappingView m : backend.mappings()) {
      String object = m.snapshot().objectName();
      backend.command(object, action);
      names.add(object);
    }
    LOG.info("event=\"{} requested for every mapping\" source=admin-api", action.path());
    send(ctx, 202, body);
  }

  private void mappingAction(Context ctx) {
    MappingView view = mapping(ctx);
    MappingAction action = action(ctx, List.of(MappingAction.values()));
    String object = view.snapshot().objectName();
    backend.command(object, action);
    LOG.info("event=\"{} requested\" mapping={} source=admin-api", action.path(), object);
    send(ctx, 202, json.action(backend.mapping(object).orElse(view), action));
  }

  private void create(Context ctx) {
    MappingDocument doc = MappingJson.read(MappingBodies.asDocument(ctx.body()), "request body");
    List<MappingView> created = backend.add(doc);
    LOG.info("event=\"mappings created\" mappings={} source=admin-api", names(created));
    ObjectNode body = AdminJson.MAPPER.createObjectNode();
    body.set("created", json.mappings(created).get("mappings"));
    send(ctx, 201, body);
  }

  private void errors(Context ctx) {
    int limit = limit(ctx.queryParam("limit"));
    Optional<String> object =
        Optional.ofNullable(ctx.queryParam("object")).filter(s -> !s.isBlank());
    Optional<String> table =
        object.map(o -> known(o).snapshot().objectName().toLowerCase(Locale.ROOT));
    send(ctx, 200, json.errors(backend.errors(table, limit), backend.mappings()));
  }

  private void retry(Context ctx) {
    long id = number(ctx.pathParam("id"), "trigger-log id");
    if (!backend.retry(id)) {
      throw new NotFoundException(
          "no FAILED trigger-log entry has id " + id + " (retried already, or it never failed)");
    }
    LOG.info("event=\"failed write queued again\" trigger_log_id={} source=admin-api", id);
    ObjectNode body = AdminJson.MAPPER.createObjectNode();
    body.put("id", id);
    body.put("state", "NEW");
    send(ctx, 200, body);
  }

  private void export(Context ctx) {
    ctx.contentType("application/json").result(MappingJson.write(backend.export()));
  }

  private MappingView mapping(Context ctx) {
    return known(ctx.pathParam("object"));
  }

  private MappingView known(String object) {
    return backend
        .mapping(object)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no mapping for object '"
                        + object
                        + "'; mapped: "
                        + names(backend.mappings())));
  }

  private static MappingAction action(Context ctx, List<MappingAction> allowed) {
    String path = ctx.pathParam("action");
    return MappingAction.fromPath(path)
        .filter(allowed::contains)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no action '"
                        + path
                        + "'; actions: "
                        + allowed.stream()
                            .map(MappingAction::path)
                            .collect(Collectors.joining(", "))));
  }

  private static int limit(String raw) {
    if (raw == null) {
      return DEFAULT_ERRORS;
    }
    long limit = number(raw, "limit");
    if (limit < 1 || limit > MAX_ERRORS) {
      throw new BadRequestException("limit must be between 1 and " + MAX_ERRORS + ", not " + raw);
    }
    return (int) limit;
  }

  private static long number(String raw, String what) {
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new BadRequestException(what + " must be a whole number, not '" + raw + "'");
    }
  }

  private static String names(List<MappingView> mappings) {
    String names =
        mappings.stream().map(m -> m.snapshot().objectName()).collect(Collectors.joining(", "));
    return names.isEmpty() ? "(none)" : names;
  }
}
