package io.pgforce.emulator.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.List;

/**
 * Builds and starts the Javalin server: plain HTTP, the {@link RequestGate} before every matched
 * route, the {@link ErrorMapper}, and each {@link ApiArea}'s routes in order (an earlier area's
 * literal path such as {@code /sobjects/{sobject}/describe} wins over a later one's parameter).
 */
public final class EmulatorServer {

  private EmulatorServer() {}

  public static Javalin start(String host, int port, OrgServices org, List<ApiArea> areas) {
    RequestGate gate = new RequestGate(org);
    Javalin app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.router.ignoreTrailingSlashes = true;
              config.router.treatMultipleSlashesAsSingleSlash = true;
              config.http.prefer405over404 = true;
              config.routes.before(gate::announceLimits);
              config.routes.beforeMatched(ctx -> gate.before(ctx, matchedPath(ctx)));
              ErrorMapper.register(config.routes);
              areas.forEach(area -> area.register(config));
            });
    return app.start(host, port);
  }

  /** The route template that matched ({@code /services/data/{version}/query}), for statistics. */
  private static String matchedPath(Context ctx) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? ctx.path() : endpoint.path;
  }
}
