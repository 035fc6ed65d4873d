package io.pgforce.emulator.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.errors.OAuthException;
import io.pgforce.emulator.errors.SalesforceException;
import io.pgforce.emulator.errors.SoapFaultException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place failures become responses, in the shape Salesforce gives each kind: REST errors as
 * {@code [{"message":...,"errorCode":...,"fields":[...]}]}, OAuth errors as {@code
 * {"error":...,"error_description":...}}, SOAP faults as an envelope. Anything unexpected is logged
 * and answered as Salesforce's {@code UNKNOWN_EXCEPTION}, so no input crashes the server.
 */
public final class ErrorMapper {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static void register(RoutesConfig routes) {
    routes.exception(SalesforceException.class, (e, ctx) -> rest(ctx, e.status(), e.errors()));
    routes.exception(JsonResponse.class, (e, ctx) -> Json.send(ctx, e.status(), e.body()));
    routes.exception(OAuthException.class, ErrorMapper::oauth);
    routes.exception(SoapFaultException.class, ErrorMapper::soap);
    routes.exception(HttpResponseException.class, (e, ctx) -> routing(ctx, e.getStatus()));
    routes.exception(Exception.class, ErrorMapper::unexpected);
  }

  /** Writes REST errors: an array, {@code fields} only where Salesforce sends it. */
  public static void rest(Context ctx, int status, List<ApiError> errors) {
    ArrayNode body = Json.array();
    for (ApiError error : errors) {
      ObjectNode item = body.addObject();
      item.put("message", error.message());
      item.put("errorCode", error.code());
      if (error.fields() != null) {
        error.fields().forEach(item.putArray("fields")::add);
      }
    }
    Json.send(ctx, status, body);
  }

  private static void oauth(OAuthException e, Context ctx) {
    ObjectNode body = Json.object();
    body.put("error", e.error());
    body.put("error_description", e.description());
    Json.send(ctx, e.status(), body);
  }

  private static void soap(SoapFaultException e, Context ctx) {
    ctx.status(500).contentType("text/xml;charset=UTF-8").result(SoapEnvelopes.fault(e));
  }

  /** Javalin's own refusals: no such path (404) or method (405). */
  private static void routing(Context ctx, int status) {
    SalesforceException refusal =
        switch (status) {
          case 405 -> Errors.methodNotAllowed(ctx.method().name());
          case 404 -> Errors.notFound();
          default -> Errors.badRequest("BAD_REQUEST", "Bad request");
        };
    rest(ctx, refusal.status(), refusal.errors());
  }

  private static void unexpected(Exception e, Context ctx) {
    String errorId = UUID.randomUUID().toString();
    LOG.error("Unexpected error {} on {} {}", errorId, ctx.method(), ctx.path(), e);
    rest(
        ctx,
        500,
        List.of(
            ApiError.withoutFields(
                "UNKNOWN_EXCEPTION",
                "An unexpected error occurred. Please include this ErrorId if you contact support: "
                    + errorId)));
  }
}
