package io.pgforce.emulator;

import io.javalin.Javalin;
import io.pgforce.emulator.auth.PublicKeys;
import io.pgforce.emulator.bulk.BulkJobs;
import io.pgforce.emulator.faults.CallStats;
import io.pgforce.emulator.faults.FaultInjector;
import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.emulator.metadata.MetadataFile;
import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.seed.SeedSummary;
import io.pgforce.emulator.seed.Seeder;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Credentials;
import io.pgforce.emulator.server.EmulatorServer;
import io.pgforce.emulator.server.OrgLimits;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.session.Session;
import io.pgforce.emulator.session.Sessions;
import io.pgforce.emulator.soql.QueryExecutor;
import io.pgforce.emulator.store.Dml;
import io.pgforce.emulator.store.IdGenerator;
import io.pgforce.emulator.store.OrgIdentity;
import io.pgforce.emulator.store.OrgStore;
import io.pgforce.emulator.streaming.CdcStreaming;
import io.pgforce.emulator.streaming.EventRetention;
import io.pgforce.emulator.streaming.StreamingFaults;
import java.util.List;
import java.util.Random;

/**
 * A running emulated Salesforce org: an HTTP server speaking Salesforce's REST wire format over an
 * in-memory store. Start one per test class with {@code Emulator.start(EmulatorConfig.builder()
 * .port(0).build())}, {@link #reset()} between tests, {@link #close()} at the end.
 *
 * <p>Besides HTTP, the org is usable in-process: {@link #store()} and {@link #dml()} read and write
 * records, {@link #queries()} runs SOQL, {@link #seed} generates data fast, and {@link #faults()}
 * injects failures, as {@code /__emulator__} does over HTTP. Change Data Capture is served over
 * CometD at {@link #streamingUrl()} and configured through {@link #changeEvents()} and {@link
 * #streamingFaults()}; Bulk API 2.0 jobs are in {@link #bulkJobs()}.
 */
public final class Emulator implements AutoCloseable {

  /** The limit Bulk API 2.0 ingest counts its internal 10,000-record batches against. */
  private static final String DAILY_BULK_BATCHES = "DailyBulkApiBatches";

  private final EmulatorConfig config;
  private final OrgServices org;
  private final CdcStreaming streaming;
  private final BulkJobs bulkJobs;
  private final List<ApiArea> areas;
  private final Javalin server;
  private final String baseUrl;

  private Emulator(EmulatorConfig config, OrgServices org) {
    this.config = config;
    this.org = org;
    this.streaming =
        new CdcStreaming(
            org.store(),
            config.apiVersion(),
            token -> org.sessions().find(token).map(Session::userId));
    this.bulkJobs =
        new BulkJobs(
            org.store(), org.queries(), batches -> org.limits().use(DAILY_BULK_BATCHES, batches));
    this.areas = ApiAreas.all(org, this::reset, streaming, bulkJobs);
    this.server = EmulatorServer.start(config.host(), config.port(), org, areas);
    this.baseUrl = "http://" + urlHost(config.host()) + ":" + server.port();
    org.baseUrl(baseUrl);
  }

  /** Builds the org described by {@code config}, seeds it, and starts serving. */
  public static Emulator start(EmulatorConfig config) {
    OrgServices org = services(config);
    if (config.seedRecords() > 0) {
      new Seeder(org.store(), config.randomSeed()).seedRecords(config.seedRecords());
    }
    return new Emulator(config, org);
  }

  private static OrgServices services(EmulatorConfig config) {
    OrgSchema schema = config.metadataFile().map(MetadataFile::load).orElseGet(OrgSchema::standard);
    OrgIdentity identity =
        new OrgIdentity(
            IdGenerator.fixed("00D", 1),
            config.orgName(),
            IdGenerator.fixed("005", 1),
            config.username());
    OrgStore store = new OrgStore(schema, config.clock(), identity);
    Sessions sessions = new Sessions(config.clock(), config.tokenLifetime(), identity.orgId());
    sessions.addRefreshToken(config.refreshToken(), identity.userId());
    Credentials credentials =
        new Credentials(
            config.username(),
            config.password(),
            config.clientId(),
            config.clientSecret(),
            config.refreshToken(),
            config.jwtPublicKey().or(() -> config.jwtKeyFile().map(PublicKeys::read)));
    return new OrgServices(
        credentials,
        config.apiVersion(),
        store,
        sessions,
        new OrgLimits(config.clock(), config.dailyApiRequests()),
        new FaultInjector(new Random(config.randomSeed())),
        new CallStats());
  }

  private static String urlHost(String host) {
    return host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
  }

  /** {@code http://localhost:<port>}: both the login URL and the instance URL. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.port();
  }

  public EmulatorConfig config() {
    return config;
  }

  /** The org's id (18 characters, prefix 00D). */
  public String orgId() {
    return org.identity().orgId();
  }

  /** The id of the user every session acts as (18 characters, prefix 005). */
  public String userId() {
    return org.identity().userId();
  }

  /** A fresh access token, as a login would give, for tests that skip the login call. */
  public String accessToken() {
    return org.sessions().open(userId()).accessToken();
  }

  /** The records, change listeners and the seeding path. */
  public OrgStore store() {
    return org.store();
  }

  /** The write path REST uses, for in-process writes with the same validation. */
  public Dml dml() {
    return org.store().dml();
  }

  /** SOQL outside HTTP. */
  public QueryExecutor queries() {
    return org.queries();
  }

  /** Fault rules, as {@code /__emulator__/faults} manages them. */
  public FaultInjector faults() {
    return org.faults();
  }

  /** Installs a fault rule; shorthand for {@code faults().add(rule)}. */
  public FaultInjector.ActiveRule addFault(FaultRule rule) {
    return org.faults().add(rule);
  }

  /** Ends every access token's session now, so clients must authenticate again. */
  public void expireSessions() {
    org.sessions().expireAll();
  }

  /**
   * Refuses the org's user, as an admin freezing it or revoking its connected app access would:
   * open sessions end ({@code 401 INVALID_SESSION_ID}), and logins answer {@code 400
   * {"error":"invalid_grant","error_description":"authentication failure"}} (refresh tokens: {@code
   * "expired access/refresh token"}) until {@link #restoreUser()}.
   */
  public void revokeUser() {
    org.sessions().refuseUser(userId());
  }

  /** Lets the org's user log in again after {@link #revokeUser()}. */
  public void restoreUser() {
    org.sessions().restoreUser(userId());
  }

  /** API calls by endpoint, as {@code /__emulator__/stats} reports them. */
  public CallStats stats() {
    return org.stats();
  }

  public OrgLimits limits() {
    return org.limits();
  }

  /** The services every API area shares, for areas added by other modules' tests. */
  public OrgServices services() {
    return org;
  }

  /**
   * {@code total} records, one Account to two Contacts and one Opportunity: what {@code
   * --seed-records} generates.
   */
  public SeedSummary seedRecords(int total) {
    return new Seeder(org.store(), config.randomSeed()).seedRecords(total);
  }

  /** {@code accounts} Accounts and nothing else: the fastest way to a large org. */
  public SeedSummary seed(int accounts) {
    return seed(accounts, 0, 0);
  }

  /** {@code accounts} Accounts, each with its Contacts and Opportunities. */
  public SeedSummary seed(int accounts, int contactsPerAccount, int opportunitiesPerAccount) {
    return new Seeder(org.store(), config.randomSeed())
        .seed(accounts, contactsPerAccount, opportunitiesPerAccount);
  }

  /**
   * Empties the org: records (but for the admin user), sessions (the configured refresh token stays
   * valid), fault rules, call statistics, limit counters, open query cursors, Bulk API jobs,
   * retained change events (replayIds keep increasing) and streaming faults; every object publishes
   * change events again. Metadata, event retention and change listeners stay.
   */
  public void reset() {
    org.store().clear();
    org.sessions().clear();
    org.sessions().addRefreshToken(config.refreshToken(), userId());
    org.faults().clear();
    org.stats().reset();
    org.limits().reset();
    areas.forEach(ApiArea::reset);
  }

  /**
   * Change Data Capture: which objects publish, retention, and everything else about the events.
   * Clients subscribe at {@link #streamingUrl()}.
   */
  public CdcStreaming changeEvents() {
    return streaming;
  }

  /** {@code http://localhost:<port>/cometd/60.0}: the CometD endpoint of the configured version. */
  public String streamingUrl() {
    return baseUrl + "/cometd/" + config.apiVersion();
  }

  /** Only these objects publish change events (every object does by default, and after reset). */
  public void publishChangeEventsFor(String... objectNames) {
    streaming.publishOnly(List.of(objectNames));
  }

  /** Every object publishes change events again. */
  public void publishAllChangeEvents() {
    streaming.selection().selectAll();
  }

  /** How long and how many change events stay available for replay (72 h, 1,000,000 default). */
  public void eventRetention(EventRetention retention) {
    streaming.retention(retention);
  }

  /**
   * Streaming faults, as {@code /__emulator__/faults/streaming} manages them: drop connections,
   * delay events, gap and overflow events.
   */
  public StreamingFaults streamingFaults() {
    return streaming.faults();
  }

  /** Bulk API 2.0 jobs, query and ingest, as {@code /jobs} serves them. */
  public BulkJobs bulkJobs() {
    return bulkJobs;
  }

  @Override
  public void close() {
    server.stop();
    streaming.close();
    bulkJobs.close();
  }
}
