/**
 * Postgres to Salesforce for read-write mappings, through Heroku Connect's trigger log: claim
 * {@code NEW} entries in id order, merge rapid edits of one record, push parents before children,
 * and record each result on the row ({@code sfid}, {@code _hc_lastop}, {@code _hc_err}) and on its
 * log entries. A failed record never blocks the others.
 */
package io.pgforce.engine.outbound;
