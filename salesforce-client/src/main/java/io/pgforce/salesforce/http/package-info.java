/**
 * The one HTTP stack of the client (Jetty's {@code HttpClient}, shared by REST, Bulk API 2.0 and
 * CometD) and the wire formats it carries: JSON, Salesforce's datetime forms, error bodies.
 *
 * <p>Internal: the engine uses the types of {@code io.pgforce.salesforce} and its API packages, not
 * these.
 */
package io.pgforce.salesforce.http;
