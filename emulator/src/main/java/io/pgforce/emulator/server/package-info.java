/**
 * The HTTP server shared by every API area: Javalin on Jetty, the gate every request passes (call
 * counting, fault injection, API version, session, daily request limit), the one place exceptions
 * become Salesforce's error bodies, and JSON and wire-format helpers.
 *
 * <p>Each API area (OAuth, REST data, admin; Bulk and streaming later) is an {@link
 * io.pgforce.emulator.server.ApiArea} that registers its own routes, so a new area is added without
 * touching the others.
 */
package io.pgforce.emulator.server;
