/**
 * The admin HTTP API, the dashboard and {@code /metrics}, served by one Javalin server in the
 * daemon's process. The HTTP layer ({@link io.pgforce.app.admin.AdminServer}, {@link
 * io.pgforce.app.admin.AdminRoutes}) talks only to {@link io.pgforce.app.admin.AdminBackend}, so
 * its contract can be tested against a backend a test feeds as well as against the real engine
 * ({@link io.pgforce.app.admin.EngineBackend}).
 */
package io.pgforce.app.admin;
