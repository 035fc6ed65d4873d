/**
 * The engine's own state in the {@code pgforce} schema, migrated by Flyway: mappings with target
 * state and status, positions (polling cursors, CDC replay ids), initial-load progress, errors.
 * Positions are value objects saved in the same transaction as the rows they cover.
 */
package io.pgforce.engine.state;
