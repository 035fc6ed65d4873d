package io.pgforce.app.admin;

import io.pgforce.salesforce.ApiUsage;
import java.util.Optional;

/**
 * What the connection endpoint reports besides the mappings: which org, whether the database
 * answers, and the API budget Salesforce reported with its latest response.
 *
 * @param pushed records written to Salesforce since the daemon started
 * @param writerRestarts times the outbound writer ended on its own and was started again
 * @param loginRefused while Salesforce refuses to log in again: why, and what to check
 */
public record ConnectionFacts(
    String organizationId,
    String instanceUrl,
    boolean databaseReachable,
    Optional<ApiUsage> apiUsage,
    long pushed,
    int writerRestarts,
    Optional<String> loginRefused) {}
