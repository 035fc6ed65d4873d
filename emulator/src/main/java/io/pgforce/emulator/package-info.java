/**
 * A local Salesforce org: the REST API, SOQL, Bulk API 2.0 and Change Data Capture over CometD,
 * faithful to the documented wire formats, for tests, demos, benchmarks and offline development.
 */
package io.pgforce.emulator;
