/**
 * The REST API: versions, describes (cached and revalidated with If-Modified-Since), SOQL queries
 * as lazy streams over pages, sObject Collections in chunks of 200, single-record calls,
 * getUpdated/getDeleted and the org's limits.
 */
package io.pgforce.salesforce.rest;
