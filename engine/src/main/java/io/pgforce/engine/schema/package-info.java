/**
 * The Postgres side of Heroku Connect's contract: for each mapping a table with lowercase columns,
 * the system columns ({@code id}, {@code sfid}, {@code systemmodstamp}, {@code isdeleted}, {@code
 * _hc_lastop}, {@code _hc_err}) and {@code hc_idx_}/{@code hcu_idx_} indexes; and, once per sync
 * schema, {@code _hcmeta}, {@code _trigger_log} and {@code _trigger_log_archive}. Every identifier
 * is quoted through {@link io.pgforce.engine.schema.Sql}.
 */
package io.pgforce.engine.schema;
