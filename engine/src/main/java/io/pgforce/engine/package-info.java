/**
 * The sync engine: configuration, the Heroku Connect schema, inbound and outbound sync, engine
 * state and the per-mapping coordinator.
 */
package io.pgforce.engine;
