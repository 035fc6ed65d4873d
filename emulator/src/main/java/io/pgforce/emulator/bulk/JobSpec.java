package io.pgforce.emulator.bulk;

import java.util.Optional;

/**
 * A job as the client asked for it, checked.
 *
 * @param operation what the job does
 * @param objectName the object (for a query, the FROM object when it could be read)
 * @param query the SOQL of a query job, or null
 * @param externalIdFieldName the upsert key of an ingest job, or null
 * @param dialect the CSV settings
 * @param apiVersion the API version of the creating call
 * @param userId the creating user
 * @param clientId the creating call's {@code Sforce-Call-Options} client, reported by CDC
 */
record JobSpec(
    BulkOperation operation,
    String objectName,
    String query,
    String externalIdFieldName,
    CsvDialect dialect,
    String apiVersion,
    String userId,
    Optional<String> clientId) {}
