/**
 * The integration-test harness every module shares: a real PostgreSQL server, started once per JVM,
 * and a fresh database for each test class.
 *
 * <p>Tests never see H2 or a mock: by default the server is zonky's embedded PostgreSQL 17 (which
 * runs as root through {@code unshare -U}); when {@code PGFORCE_TEST_DATABASE_URL} is set, that
 * server is used instead and each test class gets its own database created on it.
 */
package io.pgforce.testkit;
