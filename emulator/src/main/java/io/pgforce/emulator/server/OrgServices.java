package io.pgforce.emulator.server;

import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.faults.CallStats;
import io.pgforce.emulator.faults.FaultInjector;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.session.Sessions;
import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.store.OrgIdentity;
import io.pgforce.emulator.store.OrgStore;
import java.time.Clock;
import java.time.Instant;

/**
 * Everything the API areas share: the store and its query executor, sessions, limits, faults, call
 * counts, credentials and the org's address. One instance per emulator.
 */
public final class OrgServices {

  private final Credentials credentials;
  private final ApiVersions versions;
  private final String apiVersion;
  private final OrgStore store;
  private final QueryExecutor queries;
  private final Sessions sessions;
  private final OrgLimits limits;
  private final FaultInjector faults;
  private final CallStats stats;
  private final Instant startedAt;
  private volatile String baseUrl = "http://localhost";

  public OrgServices(
      Credentials credentials,
      String apiVersion,
      OrgStore store,
      Sessions sessions,
      OrgLimits limits,
      FaultInjector faults,
      CallStats stats) {
    this.credentials = credentials;
    this.versions = new ApiVersions(apiVersion);
    this.apiVersion = apiVersion;
    this.store = store;
    this.queries = new QueryExecutor(store);
    this.sessions = sessions;
    this.limits = limits;
    this.faults = faults;
    this.stats = stats;
    this.startedAt = store.now();
  }

  public Credentials credentials() {
    return credentials;
  }

  public ApiVersions versions() {
    return versions;
  }

  /** The newest API version served, e.g. {@code 60.0}. */
  public String apiVersion() {
    return apiVersion;
  }

  public OrgStore store() {
    return store;
  }

  public QueryExecutor queries() {
    return queries;
  }

  public Sessions sessions() {
    return sessions;
  }

  public OrgLimits limits() {
    return limits;
  }

  public FaultInjector faults() {
    return faults;
  }

  public CallStats stats() {
    return stats;
  }

  /**
   * The sObject a URL names, matched case-insensitively.
   *
   * @throws io.pgforce.emulator.errors.SalesforceException 404 {@code NOT_FOUND} when there is none
   */
  public SObjectDefinition sobject(String name) {
    return store.schema().find(name).orElseThrow(Errors::notFound);
  }

  public OrgIdentity identity() {
    return store.identity();
  }

  public Clock clock() {
    return store.clock();
  }

  /** When the org's metadata was last changed: its start (describe's If-Modified-Since). */
  public Instant metadataModifiedAt() {
    return startedAt;
  }

  /** {@code http://localhost:<port>}: the login URL and the instance URL. */
  public String baseUrl() {
    return baseUrl;
  }

  /** Set once the server listens and its port is known. */
  public void baseUrl(String url) {
    this.baseUrl = url;
  }
}
