/**
 * The emulator's own HTTP API for tests, outside Salesforce's paths ({@code /__emulator__}): fault
 * rules, session expiry, call statistics and reset. Documented in docs/emulator.md.
 */
package io.pgforce.emulator.admin;
