/**
 * The client's error family and the one place that decides what is worth retrying.
 *
 * <p>Every failure the client reports is a {@link io.pgforce.salesforce.error.SalesforceException}
 * carrying Salesforce's own error code, message, fields and the HTTP status. Failures that a later
 * attempt can fix (a locked row, an unavailable server, a dropped connection, an exhausted request
 * limit) are {@link io.pgforce.salesforce.error.RetriableSalesforceException}s, and a login the org
 * refuses is a {@link io.pgforce.salesforce.error.SalesforceAuthException}. {@link
 * io.pgforce.salesforce.error.ErrorClassifier} is the only code that maps a status, an error code
 * or an I/O failure to a {@link io.pgforce.salesforce.error.Verdict}; {@link
 * io.pgforce.salesforce.error.RetryPolicy} turns a verdict into waits with a total time budget.
 */
package io.pgforce.salesforce.error;
