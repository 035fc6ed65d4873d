/** Connections to the user's PostgreSQL: the pool, and the marking of the sync's own sessions. */
package io.pgforce.engine.db;
