/**
 * Salesforce's error vocabulary: an error is a code, a message and the fields it concerns, and a
 * request that fails carries an HTTP status and a list of them. Every layer of the emulator (store,
 * SOQL, REST) reports failures with these types, and one place in the REST layer turns them into
 * the exact response body Salesforce sends.
 */
package io.pgforce.emulator.errors;
