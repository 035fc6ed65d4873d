package io.pgforce.salesforce;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the client needs to reach one org. Built with {@link #builder()}; {@link
 * Builder#build()} checks the whole configuration at once and reports every problem in one
 * exception. Immutable, and {@link #toString()} never shows a secret.
 */
public final class SalesforceConfig {

  /** Production orgs and Developer Edition orgs log in here. */
  public static final String PRODUCTION_LOGIN_URL = "https://login.salesforce.com";

  /** Sandboxes log in here. */
  public static final String SANDBOX_LOGIN_URL = "https://test.salesforce.com";

  public static final String DEFAULT_API_VERSION = "60.0";
  public static final String DEFAULT_CLIENT_NAME = "pgforce";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Salesforce lets a synchronous request run for up to 120 s before it gives up itself. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(130);

  public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofMinutes(2);
  public static final Duration DEFAULT_DESCRIBE_REFRESH = Duration.ofMinutes(5);
  public static final int DEFAULT_QUERY_BATCH_SIZE = 2000;
  public static final Duration DEFAULT_BULK_JOB_TIMEOUT = Duration.ofHours(6);

  private static final Pattern API_VERSION = Pattern.compile("\\d{2,3}\\.0");
  private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,40}");

  private final String loginUrl;
  private final AuthFlow authFlow;
  private final String username;
  private final String password;
  private final String clientId;
  private final String clientSecret;
  private final Path privateKeyFile;
  private final String refreshToken;
  private final String jwtAudience;
  private final String apiVersion;
  private final String clientName;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration retryBudget;
  private final Duration describeRefreshInterval;
  private final int queryBatchSize;
  private final int bulkMaxRecordsPerPage;
  private final Duration bulkJobTimeout;
  private final Clock clock;

  private SalesforceConfig(Builder b) {
    loginUrl = stripTrailingSlash(b.loginUrl);
    authFlow = b.authFlow;
    username = b.username;
    password = b.password;
    clientId = b.clientId;
    clientSecret = b.clientSecret;
    privateKeyFile = b.privateKeyFile;
    refreshToken = b.refreshToken;
    jwtAudience = b.jwtAudience;
    apiVersion = b.apiVersion;
    clientName = b.clientName;
    connectTimeout = b.connectTimeout;
    requestTimeout = b.requestTimeout;
    retryBudget = b.retryBudget;
    describeRefreshInterval = b.describeRefreshInterval;
    queryBatchSize = b.queryBatchSize;
    bulkMaxRecordsPerPage = b.bulkMaxRecordsPerPage;
    bulkJobTimeout = b.bulkJobTimeout;
    clock = b.clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The login URL of an org with My Domain {@code domain}: {@code
   * https://domain.my.salesforce.com}.
   */
  public static String myDomainLoginUrl(String domain) {
    return "https://" + domain + ".my.salesforce.com";
  }

  /** The login host: production, sandbox, an org's My Domain, or an emulator's base URL. */
  public String loginUrl() {
    return loginUrl;
  }

  public AuthFlow authFlow() {
    return authFlow;
  }

  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  /** The password with the security token appended, when the org asks for one. */
  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The connected app's consumer key. */
  public Optional<String> clientId() {
    return Optional.ofNullable(clientId);
  }

  /** The connected app's consumer secret. */
  public Optional<String> clientSecret() {
    return Optional.ofNullable(clientSecret);
  }

  /** The PKCS#8 PEM private key that signs JWT bearer assertions. */
  public Optional<Path> privateKeyFile() {
    return Optional.ofNullable(privateKeyFile);
  }

  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  /**
   * The {@code aud} claim of JWT bearer assertions. Salesforce accepts only its login hosts there,
   * so a My Domain login URL still uses {@code https://login.salesforce.com} (or {@code
   * https://test.salesforce.com} for a sandbox's My Domain); any other host (an emulator) is its
   * own audience. Settable for Experience Cloud sites.
   */
  public String jwtAudience() {
    if (jwtAudience != null) {
      return jwtAudience;
    }
    String host = URI.create(loginUrl).getHost();
    if (host.endsWith(".sandbox.my.salesforce.com") || host.equals("test.salesforce.com")) {
      return SANDBOX_LOGIN_URL;
    }
    return host.endsWith("salesforce.com") ? PRODUCTION_LOGIN_URL : loginUrl;
  }

  /** The REST API version, for example {@code 60.0}. */
  public String apiVersion() {
    return apiVersion;
  }

  /** The name sent as {@code Sforce-Call-Options: client=<name>}; CDC echoes it in changeOrigin. */
  public String clientName() {
    return clientName;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The longest wait for a response to start, and for each read of a response body. */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** How long the client keeps retrying one call before it gives up. */
  public Duration retryBudget() {
    return retryBudget;
  }

  /** How long a cached describe is used before it is revalidated with If-Modified-Since. */
  public Duration describeRefreshInterval() {
    return describeRefreshInterval;
  }

  /** The page size asked of REST queries (Sforce-Query-Options batchSize, 200 to 2000). */
  public int queryBatchSize() {
    return queryBatchSize;
  }

  /** The maxRecords of each Bulk API 2.0 results page; 0 lets Salesforce choose. */
  public int bulkMaxRecordsPerPage() {
    return bulkMaxRecordsPerPage;
  }

  /** How long a Bulk API 2.0 job may take before the client aborts it. */
  public Duration bulkJobTimeout() {
    return bulkJobTimeout;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return "SalesforceConfig{loginUrl="
        + loginUrl
        + ", authFlow="
        + authFlow
        + ", username="
        + username
        + ", password="
        + redact(password)
        + ", clientId="
        + clientId
        + ", clientSecret="
        + redact(clientSecret)
        + ", privateKeyFile="
        + privateKeyFile
        + ", refreshToken="
        + redact(refreshToken)
        + ", apiVersion="
        + apiVersion
        + ", clientName="
        + clientName
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "}";
  }

  private static String redact(String secret) {
    return secret == null ? null : "****";
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Collects settings; {@link #build()} validates them all together. */
  public static final class Builder {
    private String loginUrl = PRODUCTION_LOGIN_URL;
    private AuthFlow authFlow;
    private String username;
    private String password;
    private String clientId;
    private String clientSecret;
    private Path privateKeyFile;
    private String refreshToken;
    private String jwtAudience;
    private String apiVersion = DEFAULT_API_VERSION;
    private String clientName = DEFAULT_CLIENT_NAME;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration retryBudget = DEFAULT_RETRY_BUDGET;
    private Duration describeRefreshInterval = DEFAULT_DESCRIBE_REFRESH;
    private int queryBatchSize = DEFAULT_QUERY_BATCH_SIZE;
    private int bulkMaxRecordsPerPage;
    private Duration bulkJobTimeout = DEFAULT_BULK_JOB_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder loginUrl(String loginUrl) {
      this.loginUrl = loginUrl;
      return this;
    }

    public Builder authFlow(AuthFlow authFlow) {
      this.authFlow = authFlow;
      return this;
    }

    public Builder username(String username) {
      this.username = username;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder privateKeyFile(Path privateKeyFile) {
      this.privateKeyFile = privateKeyFile;
      return this;
    }

    public Builder refreshToken(String refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    public Builder jwtAudience(String jwtAudience) {
      this.jwtAudience = jwtAudience;
      return this;
    }

    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder clientName(String clientName) {
      this.clientName = clientName;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder retryBudget(Duration retryBudget) {
      this.retryBudget = retryBudget;
      return this;
    }

    public Builder describeRefreshInterval(Duration describeRefreshInterval) {
      this.describeRefreshInterval = describeRefreshInterval;
      return this;
    }

    public Builder queryBatchSize(int queryBatchSize) {
      this.queryBatchSize = queryBatchSize;
      return this;
    }

    public Builder bulkMaxRecordsPerPage(int bulkMaxRecordsPerPage) {
      this.bulkMaxRecordsPerPage = bulkMaxRecordsPerPage;
      return this;
    }

    public Builder bulkJobTimeout(Duration bulkJobTimeout) {
      this.bulkJobTimeout = bulkJobTimeout;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming every problem found, not just the first
     */
    public SalesforceConfig build() {
      List<String> problems = new ArrayList<>();
      checkLoginUrl(problems);
      checkCredentials(problems);
      checkLimits(problems);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid Salesforce configuration: " + String.join("; ", problems));
      }
      return new SalesforceConfig(this);
    }

    private void checkLoginUrl(List<String> problems) {
      if (blank(loginUrl)) {
        problems.add("loginUrl is required");
        return;
      }
      try {
        URI uri = URI.create(loginUrl);
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
            || uri.getHost() == null) {
          problems.add("loginUrl must be an http(s) URL with a host: " + loginUrl);
        }
      } catch (IllegalArgumentException e) {
        problems.add("loginUrl is not a URL: " + loginUrl);
      }
    }

    private void checkCredentials(List<String> problems) {
      if (authFlow == null) {
        problems.add(
            "authFlow is required (PASSWORD, CLIENT_CREDENTIALS, JWT_BEARER, REFRESH_TOKEN)");
        return;
      }
      require(problems, clientId, "clientId");
      switch (authFlow) {
        case PASSWORD -> {
          require(problems, clientSecret, "clientSecret");
          require(problems, username, "username");
          require(problems, password, "password");
        }
        case CLIENT_CREDENTIALS -> require(problems, clientSecret, "clientSecret");
        case JWT_BEARER -> {
          require(problems, username, "username");
          checkPrivateKeyFile(problems);
        }
        case REFRESH_TOKEN -> require(problems, refreshToken, "refreshToken");
      }
    }

    private void require(List<String> problems, String value, String name) {
      if (blank(value)) {
        problems.add(name + " is required for the " + authFlow + " flow");
      }
    }

    private void checkPrivateKeyFile(List<String> problems) {
      if (privateKeyFile == null) {
        problems.add("privateKeyFile is required for the JWT_BEARER flow");
      } else if (!Files.isReadable(privateKeyFile)) {
        problems.add("privateKeyFile is not a readable file: " + privateKeyFile);
      }
    }

    private void checkLimits(List<String> problems) {
      if (apiVersion == null || !API_VERSION.matcher(apiVersion).matches()) {
        problems.add("apiVersion must look like 60.0: " + apiVersion);
      }
      if (clientName == null || !CLIENT_NAME.matcher(clientName).matches()) {
        problems.add("clientName must be 1-40 letters, digits, '.', '_' or '-': " + clientName);
      }
      positive(problems, connectTimeout, "connectTimeout");
      positive(problems, requestTimeout, "requestTimeout");
      positive(problems, retryBudget, "retryBudget");
      positive(problems, bulkJobTimeout, "bulkJobTimeout");
      if (describeRefreshInterval == null || describeRefreshInterval.isNegative()) {
        problems.add("describeRefreshInterval must be zero or positive");
      }
      if (queryBatchSize < 200 || queryBatchSize > 2000) {
        problems.add("queryBatchSize must be between 200 and 2000: " + queryBatchSize);
      }
      if (bulkMaxRecordsPerPage < 0) {
        problems.add("bulkMaxRecordsPerPage must be 0 (Salesforce's choice) or positive");
      }
      if (clock == null) {
        problems.add("clock is required");
      }
    }

    private static void positive(List<String> problems, Duration value, String name) {
      if (value == null || value.isZero() || value.isNegative()) {
        problems.add(name + " must be positive: " + value);
      }
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }
}
