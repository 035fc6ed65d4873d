/**
 * {@code pgforce demo}: the whole product in one command on a fresh machine. An embedded PostgreSQL
 * (unless a URL is given), the emulator with a seeded sample org, three mappings, the sync daemon
 * and its dashboard; then it prints what to try.
 */
package io.pgforce.app.demo;
