package io.pgforce.salesforce;

import io.pgforce.salesforce.auth.Authenticator;
import io.pgforce.salesforce.auth.Session;
import io.pgforce.salesforce.auth.SessionTransport;
import io.pgforce.salesforce.bulk.Bulk;
import io.pgforce.salesforce.error.RetryPolicy;
import io.pgforce.salesforce.error.SalesforceAuthException;
import io.pgforce.salesforce.http.ApiRequest;
import io.pgforce.salesforce.http.HttpTransport;
import io.pgforce.salesforce.rest.ApiVersion;
import io.pgforce.salesforce.rest.DeletedRecords;
import io.pgforce.salesforce.rest.Describes;
import io.pgforce.salesforce.rest.Limits;
import io.pgforce.salesforce.rest.Queries;
import io.pgforce.salesforce.rest.Records;
import io.pgforce.salesforce.rest.Replication;
import io.pgforce.salesforce.rest.SObjectCollections;
import io.pgforce.salesforce.rest.SObjectDescribe;
import io.pgforce.salesforce.rest.SObjectRecord;
import io.pgforce.salesforce.rest.SObjectSummary;
import io.pgforce.salesforce.rest.SaveResult;
import io.pgforce.salesforce.rest.UpdatedIds;
import io.pgforce.salesforce.streaming.Streaming;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way pgforce talks to a Salesforce org. {@link #connect(SalesforceConfig)} logs in; every
 * call then runs as that session, logs in again once if the session expires, retries transient
 * failures within the configured budget, and sends {@code Sforce-Call-Options: client=<name>}.
 * Thread-safe: one client serves the whole engine. Close it to release its connections.
 */
public final class SalesforceClient implements AutoCloseable {

  private final SalesforceConfig config;
  private final HttpTransport http;
  private final SessionTransport transport;
  private final Describes describes;
  private final Queries queries;
  private final Records records;
  private final SObjectCollections collections;
  private final Replication replication;
  private final Bulk bulk;
  private final Streaming streaming;

  private SalesforceClient(
      SalesforceConfig config, HttpTransport http, SessionTransport transport) {
    this.config = config;
    this.http = http;
    this.transport = transport;
    this.describes = new Describes(transport, config.clock(), config.describeRefreshInterval());
    this.queries = new Queries(transport, config.queryBatchSize());
    this.records = new Records(transport);
    this.collections = new SObjectCollections(transport, transport.retryPolicy());
    this.replication = new Replication(transport);
    this.bulk = new Bulk(transport, config);
    this.streaming = new Streaming(transport, config);
  }

  /**
   * Logs in and returns a ready client.
   *
   * @throws SalesforceAuthException when the org refuses the credentials
   * @throws io.pgforce.salesforce.error.SalesforceException when the login host cannot be reached
   *     within the retry budget
   */
  public static SalesforceClient connect(SalesforceConfig config) {
    HttpTransport http = HttpTransport.start(config);
    try {
      RetryPolicy retry = RetryPolicy.standard(config.clock(), config.retryBudget());
      Authenticator authenticator = new Authenticator(config, http, retry);
      Session session = new Session(authenticator::login);
      SessionTransport transport = new SessionTransport(http, session, retry, config.apiVersion());
      return new SalesforceClient(config, http, transport);
    } catch (RuntimeException e) {
      http.close();
      throw e;
    }
  }

  public SalesforceConfig config() {
    return config;
  }

  /** Where the org's APIs live, as the login answered. */
  public String instanceUrl() {
    return transport.session().current().instanceUrl();
  }

  public String organizationId() {
    return transport.session().current().organizationId();
  }

  /**
   * Why Salesforce refuses to log in again, while it does (the session had ended and the new login
   * was refused); empty once a login succeeds.
   */
  public Optional<SalesforceAuthException> loginRefusal() {
    return transport.session().refusal();
  }

  /** The id of the user the session runs as. */
  public String userId() {
    return transport.session().current().userId();
  }

  public List<ApiVersion> versions() {
    return describes.versions();
  }

  public List<SObjectSummary> describeGlobal() {
    return describes.describeGlobal();
  }

  /** The describe of one object, cached and revalidated with If-Modified-Since. */
  public SObjectDescribe describe(String objectName) {
    return describes.describe(objectName);
  }

  /** A query's records, fetched page by page as the stream is consumed; close is not needed. */
  public Stream<SObjectRecord> query(String soql) {
    return queries.query(soql);
  }

  /** Like {@link #query(String)}, also returning deleted records ({@code IsDeleted = true}). */
  public Stream<SObjectRecord> queryAll(String soql) {
    return queries.queryAll(soql);
  }

  /** The totalSize of a query, for {@code SELECT COUNT() FROM ...}. */
  public long count(String soqlCountQuery) {
    return queries.count(soqlCountQuery);
  }

  /** sObject Collections: many records per call, 200 at a time. */
  public SObjectCollections collections() {
    return collections;
  }

  public String create(String sobject, Map<String, Object> fields) {
    return records.create(sobject, fields);
  }

  /**
   * The record with these fields (all fields when none are named), empty when it does not exist.
   */
  public Optional<SObjectRecord> retrieve(String sobject, String id, String... fields) {
    return records.retrieve(sobject, id, List.of(fields));
  }

  public void update(String sobject, String id, Map<String, Object> fields) {
    records.update(sobject, id, fields);
  }

  public SaveResult upsert(
      String sobject, String extIdField, String extIdValue, Map<String, Object> fields) {
    return records.upsert(sobject, extIdField, extIdValue, fields);
  }

  public void delete(String sobject, String id) {
    records.delete(sobject, id);
  }

  /**
   * Ids of records changed (by SystemModstamp) in the window; the bounds are truncated to minutes.
   */
  public UpdatedIds getUpdated(String sobject, Instant start, Instant end) {
    return replication.getUpdated(sobject, start, end);
  }

  /** Records deleted in the window, as far back as the Recycle Bin remembers. */
  public DeletedRecords getDeleted(String sobject, Instant start, Instant end) {
    return replication.getDeleted(sobject, start, end);
  }

  public Limits limits() {
    return Limits.fromJson(transport.json(ApiRequest.get(transport.dataPath("/limits"))));
  }

  /** The API usage Salesforce reported with the most recent response. */
  public Optional<ApiUsage> apiUsage() {
    return http.lastUsage();
  }

  /** Bulk API 2.0: query and ingest jobs. */
  public Bulk bulk() {
    return bulk;
  }

  /** Change Data Capture over CometD. */
  public Streaming streaming() {
    return streaming;
  }

  /** Closes subscriptions and the HTTP client. */
  @Override
  public void close() {
    streaming.close();
    http.close();
  }
}
