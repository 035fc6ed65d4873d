package io.pgforce.app.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.pgforce.engine.ConfigurationException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place failures become JSON responses, so every error has the same shape. */
final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  static void register(RoutesConfig routes) {
    routes.exception(HttpStatusException.class, (e, ctx) -> send(ctx, e));
    routes.exception(
        ConfigurationException.class,
        (e, ctx) -> send(ctx, new BadRequestException(firstLine(e), e.problems())));
    routes.exception(HttpResponseException.class, ErrorResponses::routing);
    routes.exception(Exception.class, ErrorResponses::unexpected);
  }

  private static void send(Context ctx, HttpStatusException e) {
    AdminRoutes.send(ctx, e.status(), AdminJson.failure(e));
  }

  /** Javalin's own refusals: a path or method the API does not have. */
  private static void routing(HttpResponseException e, Context ctx) {
    String what = ctx.method().name() + " " + ctx.path();
    send(
        ctx,
        e.getStatus() == 404
            ? new NotFoundException("no such path: " + what + "; the API is under /api/v1")
            : new BadRequestException(what + ": " + e.getMessage()));
  }

  private static void unexpected(Exception e, Context ctx) {
    String id = UUID.randomUUID().toString();
    LOG.error("event=\"admin request failed\" error_id={} path={}", id, ctx.path(), e);
    AdminRoutes.send(
        ctx,
        500,
        AdminJson.failure(
            new InternalError("unexpected failure (error id " + id + " in the daemon's log)")));
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** 500: the server failed; the log has the details. */
  private static final class InternalError extends HttpStatusException {
    InternalError(String message) {
      super(500, message, java.util.List.of());
    }
  }
}
