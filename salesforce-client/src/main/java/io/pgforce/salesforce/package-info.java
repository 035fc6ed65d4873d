/**
 * The Salesforce API client pgforce's engine talks through: OAuth 2.0, REST, sObject Collections,
 * Bulk API 2.0 and Change Data Capture over CometD. Written from Salesforce's documentation and
 * sharing no code with the emulator, so a misreading of the wire format cannot hide in both.
 */
package io.pgforce.salesforce;
