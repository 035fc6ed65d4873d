package io.pgforce.salesforce.rest;

/** One object of describeGlobal: what it is and what the API may do with it. */
public record SObjectSummary(
    String name,
    String label,
    String labelPlural,
    String keyPrefix,
    boolean custom,
    boolean createable,
    boolean updateable,
    boolean deletable,
    boolean queryable,
    boolean retrieveable,
    boolean replicateable,
    boolean triggerable) {}
