/**
 * Bulk API 2.0. Query jobs hand each results page to a consumer as the raw CSV bytes come off the
 * socket, so memory stays flat whatever the result size (the engine pipes them into PostgreSQL's
 * {@code COPY}). Ingest jobs upload CSV, close, poll with backoff and parse the three result files.
 * A job is aborted when its caller cancels (a {@link io.pgforce.salesforce.bulk.CancelHandle} or a
 * thread interrupt) or when it runs past the configured timeout.
 */
package io.pgforce.salesforce.bulk;
