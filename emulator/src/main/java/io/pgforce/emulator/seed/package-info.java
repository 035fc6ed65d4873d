/**
 * Realistic sample data for demos, tests and benchmarks: related Accounts, Contacts and
 * Opportunities, generated fast and compactly (values drawn from shared pools) through the store's
 * seeding path.
 */
package io.pgforce.emulator.seed;
