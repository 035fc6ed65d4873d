package io.pgforce.emulator;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an emulated org is started: where it listens, who may log in, what metadata and data it
 * holds, and the clock it lives by. Built with {@link #builder()}; every setting has a documented
 * default, so {@code EmulatorConfig.builder().port(0).build()} is a complete test org.
 */
public final class EmulatorConfig {

  public static final int DEFAULT_PORT = 7443;
  public static final String DEFAULT_HOST = "localhost";
  public static final String DEFAULT_USERNAME = "admin@pgforce.local";
  public static final String DEFAULT_PASSWORD = "pgforce123";
  public static final String DEFAULT_CLIENT_ID = "pgforce-client-id";
  public static final String DEFAULT_CLIENT_SECRET = "pgforce-client-secret";
  public static final String DEFAULT_REFRESH_TOKEN = "pgforce-refresh-token";
  public static final String DEFAULT_API_VERSION = "60.0";
  public static final String DEFAULT_ORG_NAME = "pgforce Emulator";

  /** Salesforce's default session timeout. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(2);

  /** An Enterprise Edition org's base daily allowance. */
  public static final long DEFAULT_DAILY_API_REQUESTS = 100_000;

  private final Builder b;

  private EmulatorConfig(Builder builder) {
    this.b = builder;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's settings, to derive another from it. */
  public Builder toBuilder() {
    return b.copy();
  }

  /** The port to listen on; 0 picks a free one. */
  public int port() {
    return b.port;
  }

  /** The interface to listen on; the base URL names {@code localhost} for a wildcard. */
  public String host() {
    return b.host;
  }

  public String username() {
    return b.username;
  }

  public String password() {
    return b.password;
  }

  public String clientId() {
    return b.clientId;
  }

  public String clientSecret() {
    return b.clientSecret;
  }

  /** A refresh token the org accepts from the start (for the refresh_token grant). */
  public String refreshToken() {
    return b.refreshToken;
  }

  /** The newest REST API version served, e.g. {@code 60.0}; older ones down to 20.0 work too. */
  public String apiVersion() {
    return b.apiVersion;
  }

  public String orgName() {
    return b.orgName;
  }

  /** How long an access token lives from its issue. */
  public Duration tokenLifetime() {
    return b.tokenLifetime;
  }

  /** The JSON file of custom objects and fields, if any. */
  public Optional<Path> metadataFile() {
    return Optional.ofNullable(b.metadataFile);
  }

  /** The key JWT bearer assertions are checked against, if the JWT grant is to work. */
  public Optional<PublicKey> jwtPublicKey() {
    return Optional.ofNullable(b.jwtPublicKey);
  }

  /** A PEM file (certificate or public key) to read the JWT key from, if given that way. */
  public Optional<Path> jwtKeyFile() {
    return Optional.ofNullable(b.jwtKeyFile);
  }

  /** Records to generate at start: Accounts, Contacts and Opportunities, 1 : 2 : 1. */
  public int seedRecords() {
    return b.seedRecords;
  }

  public long dailyApiRequests() {
    return b.dailyApiRequests;
  }

  /** Seeds the sample data and the fault rates' random draws, for reproducible runs. */
  public long randomSeed() {
    return b.randomSeed;
  }

  /** Where the org's time comes from (SystemModstamp, token expiry, date literals). */
  public Clock clock() {
    return b.clock;
  }

  @Override
  public String toString() {
    return "EmulatorConfig[port="
        + b.port
        + ", username="
        + b.username
        + ", clientId="
        + b.clientId
        + ", apiVersion="
        + b.apiVersion
        + "]";
  }

  /** Collects settings; {@link #build()} checks them all at once. */
  public static final class Builder implements Cloneable {
    private int port = DEFAULT_PORT;
    private String host = DEFAULT_HOST;
    private String username = DEFAULT_USERNAME;
    private String password = DEFAULT_PASSWORD;
    private String clientId = DEFAULT_CLIENT_ID;
    private String clientSecret = DEFAULT_CLIENT_SECRET;
    private String refreshToken = DEFAULT_REFRESH_TOKEN;
    private String apiVersion = DEFAULT_API_VERSION;
    private String orgName = DEFAULT_ORG_NAME;
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private Path metadataFile;
    private PublicKey jwtPublicKey;
    private Path jwtKeyFile;
    private int seedRecords;
    private long dailyApiRequests = DEFAULT_DAILY_API_REQUESTS;
    private long randomSeed = 1;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder port(int value) {
      this.port = value;
      return this;
    }

    public Builder host(String value) {
      this.host = value;
      return this;
    }

    public Builder username(String value) {
      this.username = value;
      return this;
    }

    public Builder password(String value) {
      this.password = value;
      return this;
    }

    public Builder clientId(String value) {
      this.clientId = value;
      return this;
    }

    public Builder clientSecret(String value) {
      this.clientSecret = value;
      return this;
    }

    public Builder refreshToken(String value) {
      this.refreshToken = value;
      return this;
    }

    public Builder apiVersion(String value) {
      this.apiVersion = value;
      return this;
    }

    public Builder orgName(String value) {
      this.orgName = value;
      return this;
    }

    public Builder tokenLifetime(Duration value) {
      this.tokenLifetime = value;
      return this;
    }

    public Builder metadataFile(Path value) {
      this.metadataFile = value;
      return this;
    }

    public Builder jwtPublicKey(PublicKey value) {
      this.jwtPublicKey = value;
      return this;
    }

    public Builder jwtKeyFile(Path value) {
      this.jwtKeyFile = value;
      return this;
    }

    public Builder seedRecords(int value) {
      this.seedRecords = value;
      return this;
    }

    public Builder dailyApiRequests(long value) {
      this.dailyApiRequests = value;
      return this;
    }

    public Builder randomSeed(long value) {
      this.randomSeed = value;
      return this;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException listing every invalid setting
     */
    public EmulatorConfig build() {
      List<String> problems = new ArrayList<>();
      check(problems, port >= 0 && port <= 65_535, "port must be 0-65535, got " + port);
      check(problems, notBlank(host), "host must not be blank");
      check(problems, notBlank(username), "username must not be blank");
      check(problems, notBlank(password), "password must not be blank");
      check(problems, notBlank(clientId), "clientId must not be blank");
      check(problems, notBlank(clientSecret), "clientSecret must not be blank");
      check(problems, notBlank(refreshToken), "refreshToken must not be blank");
      check(
          problems,
          apiVersion != null
              && apiVersion.matches("\\d{2}\\.0")
              && Integer.parseInt(apiVersion.substring(0, 2)) >= 20,
          "apiVersion must look like 60.0 and be 20.0 or later, got " + apiVersion);
      check(
          problems,
          tokenLifetime != null && tokenLifetime.toMillis() > 0,
          "tokenLifetime must be positive");
      check(problems, seedRecords >= 0, "seedRecords must not be negative");
      check(problems, dailyApiRequests > 0, "dailyApiRequests must be positive");
      check(problems, clock != null, "clock must be set");
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid emulator configuration: " + String.join("; ", problems));
      }
      return new EmulatorConfig(copy());
    }

    private Builder copy() {
      try {
        return (Builder) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    private static void check(List<String> problems, boolean ok, String problem) {
      if (!ok) {
        problems.add(problem);
      }
    }

    private static boolean notBlank(String value) {
      return value != null && !value.isBlank();
    }
  }
}
