package io.pgforce.salesforce.rest;

/** One value of a picklist field. */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {}
