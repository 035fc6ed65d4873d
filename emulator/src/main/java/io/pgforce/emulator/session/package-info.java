/**
 * Access tokens and refresh tokens: issued by the OAuth and SOAP login endpoints, checked on every
 * API call, expiring after the configured lifetime by the injected clock.
 */
package io.pgforce.emulator.session;
