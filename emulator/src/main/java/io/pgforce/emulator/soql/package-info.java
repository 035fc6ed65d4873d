/**
 * SOQL: parsing with the apex-parser grammar ({@link io.pgforce.emulator.soql.SoqlParser}), binding
 * names to the org's schema with Salesforce's error messages ({@link
 * io.pgforce.emulator.soql.QueryBinder}), and executing against the store ({@link
 * io.pgforce.emulator.soql.QueryExecutor}). The executor works outside HTTP, so the REST query
 * resource and Bulk API query jobs share it.
 */
package io.pgforce.emulator.soql;
