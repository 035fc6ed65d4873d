/**
 * Change Data Capture over CometD (Bayeux long polling), in the manner of Salesforce's
 * EMP-Connector: a replay extension subscribes from the replayId the caller saved, a lost client
 * ({@code 403::Unknown client}) or an expired session leads to a new handshake and a resubscription
 * from the last event delivered, and network failures are retried with backoff.
 *
 * <p>Threading: one subscription delivers its events one at a time, in order, on a CometD thread;
 * the next long poll starts when the listener returns.
 */
package io.pgforce.salesforce.streaming;
