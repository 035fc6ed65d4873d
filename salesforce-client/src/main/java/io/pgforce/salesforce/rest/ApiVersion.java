package io.pgforce.salesforce.rest;

/**
 * One REST API version the org serves, from {@code GET /services/data/}.
 *
 * @param label the release, for example {@code Spring '24}
 * @param url for example {@code /services/data/v60.0}
 * @param version for example {@code 60.0}
 */
public record ApiVersion(String label, String url, String version) {}
