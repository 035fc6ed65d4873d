/**
 * Salesforce to Postgres: the initial load (Bulk API 2.0 CSV streamed into COPY, or REST for small
 * objects), incremental polling on SystemModstamp, and Change Data Capture. Every write is
 * idempotent and commits together with the position it advances.
 */
package io.pgforce.engine.inbound;
