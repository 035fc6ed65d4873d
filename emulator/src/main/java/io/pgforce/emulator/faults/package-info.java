/**
 * Fault injection and call counting for tests: rules that make chosen endpoints slow or fail the
 * way Salesforce fails (a 503, {@code UNABLE_TO_LOCK_ROW} on some records), and per-endpoint call
 * counts. Driven over HTTP at {@code /__emulator__} or in-process through {@code Emulator}.
 */
package io.pgforce.emulator.faults;
