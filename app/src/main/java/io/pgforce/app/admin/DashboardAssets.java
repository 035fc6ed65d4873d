package io.pgforce.app.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard: one HTML page, its script and its style, from the classpath. They hold no data
 * (the script reads the API), so they are served without the token; the page asks for it.
 */
final class DashboardAssets {

  private static final String DIR = "/io/pgforce/app/dashboard/";
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html:text/html; charset=utf-8",
          "/dashboard.js", "dashboard.js:text/javascript; charset=utf-8",
          "/dashboard.css", "dashboard.css:text/css; charset=utf-8");

  /** Paths anyone may fetch. */
  static final Set<String> PATHS = FILES.keySet();

  private DashboardAssets() {}

  static void register(RoutesConfig routes) {
    FILES.forEach(
        (path, spec) -> {
          String[] fileAndType = spec.split(":", 2);
          byte[] content = read(fileAndType[0]);
          routes.get(path, ctx -> serve(ctx, content, fileAndType[1]));
        });
  }

  private static void serve(Context ctx, byte[] content, String type) {
    // Only the page's own script and style run: nothing the API returns can become code.
    ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType(type).result(content);
  }

  private static byte[] read(String file) {
    try (InputStream in = DashboardAssets.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the dashboard's " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
