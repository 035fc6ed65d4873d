/**
 * Bulk API 2.0: query jobs whose CSV results are streamed page by page, and ingest jobs that load
 * CSV through the same DML path as REST.
 *
 * <p>Jobs live in {@link io.pgforce.emulator.bulk.BulkJobs} and run on a small pool of worker
 * threads, so their states move as in Salesforce ({@code UploadComplete}, {@code InProgress},
 * {@code JobComplete}, or {@code Failed} / {@code Aborted}). A query job captures its result at
 * completion as references to the immutable record versions it matched; pages are written from
 * those straight to the response stream by {@link io.pgforce.emulator.bulk.CsvByteWriter}, so a
 * million-row result never exists as one CSV in memory. Bulk API errors are made in one place,
 * {@link io.pgforce.emulator.bulk.BulkErrors}.
 */
package io.pgforce.emulator.bulk;
