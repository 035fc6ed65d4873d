package io.pgforce.app.admin;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The daemon's one HTTP server: the admin API under {@code /api/v1}, the dashboard at {@code /},
 * and Prometheus metrics at {@code /metrics}. Everything but the dashboard's static files passes
 * the {@link TokenGate}.
 */
public final class AdminServer implements AutoCloseable {

  /** Prometheus' text exposition format, version 0.0.4. */
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin javalin;
  private final String host;

  private AdminServer(Javalin javalin, String host) {
    this.javalin = javalin;
    this.host = host;
  }

  /**
   * Starts serving; port 0 picks a free port.
   *
   * @param metrics the Prometheus text for {@code /metrics}, produced on each scrape
   */
  public static AdminServer start(
      AdminSettings settings, AdminBackend backend, Supplier<String> metrics, Clock clock) {
    TokenGate gate = new TokenGate(settings.token());
    AdminRoutes api = new AdminRoutes(backend, new AdminJson(clock));
    Javalin javalin =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.router.ignoreTrailingSlashes = true;
              config.http.prefer405over404 = true;
              config.routes.before(
                  ctx -> {
                    if (!DashboardAssets.PATHS.contains(ctx.path())) {
                      gate.check(ctx);
                    }
                  });
              ErrorResponses.register(config.routes);
              DashboardAssets.register(config.routes);
              api.register(config.routes);
              config.routes.get(
                  "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.get()));
            });
    javalin.start(settings.host(), settings.port());
    return new AdminServer(javalin, settings.host());
  }

  public int port() {
    return javalin.port();
  }

  /** Where the dashboard is, e.g. {@code http://127.0.0.1:8080}. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
