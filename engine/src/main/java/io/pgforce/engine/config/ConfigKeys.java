package io.pgforce.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every configuration key pgforce reads: the one place a key is declared. */
public final class ConfigKeys {

  public static final ConfigKey<String> LOGIN_URL =
      key(
          "salesforce.login-url",
          Parsers.url(),
          "https://login.salesforce.com",
          "Where to log in: https://login.salesforce.com, https://test.salesforce.com for a sandbox, or your My Domain URL.");
  public static final ConfigKey<AuthFlow> AUTH =
      key(
          "salesforce.auth",
          Parsers.oneOf(AuthFlow.class),
          "password",
          "Login flow: password, client-credentials, jwt or refresh-token.");
  public static final ConfigKey<String> USERNAME =
      key(
          "salesforce.username",
          Parsers.text(),
          null,
          "The integration user's username (password and jwt flows).");
  public static final ConfigKey<String> PASSWORD =
      secret(
          "salesforce.password",
          "The user's password followed by its security token (password flow).");
  public static final ConfigKey<String> CLIENT_ID =
      key("salesforce.client-id", Parsers.text(), null, "The connected app's consumer key.");
  public static final ConfigKey<String> CLIENT_SECRET =
      secret(
          "salesforce.client-secret",
          "The connected app's consumer secret (password, client-credentials and refresh-token flows).");
  public static final ConfigKey<Path> PRIVATE_KEY_FILE =
      key(
          "salesforce.private-key-file",
          Parsers.path(),
          null,
          "PEM private key (PKCS#8) that signs the JWT (jwt flow).");
  public static final ConfigKey<String> REFRESH_TOKEN =
      secret(
          "salesforce.refresh-token",
          "A refresh token issued to the connected app (refresh-token flow).");
  public static final ConfigKey<String> API_VERSION =
      key(
          "salesforce.api-version",
          Parsers.apiVersion(),
          "60.0",
          "Salesforce API version to call.");
  public static final ConfigKey<String> CLIENT_NAME =
      key(
          "salesforce.client-name",
          Parsers.text(),
          "pgforce",
          "Sent as Sforce-Call-Options client=<name>; Change Data Capture reports it, which is how pgforce recognises its own writes.");

  public static final ConfigKey<String> DATABASE_URL =
      secret(
          "database.url",
          "PostgreSQL URL, postgres://user:password@host:5432/db or jdbc:postgresql://...; DATABASE_URL is used when this is not set.");
  public static final ConfigKey<String> SCHEMA =
      key(
          "database.schema",
          Parsers.text(),
          "salesforce",
          "Schema of the synced tables (Heroku Connect's default: salesforce).");
  public static final ConfigKey<Integer> POOL_SIZE =
      key(
          "database.pool-size",
          Parsers.intBetween(2, 200),
          "10",
          "Connections pgforce keeps open to PostgreSQL.");

  public static final ConfigKey<Path> MAPPINGS_FILE =
      key(
          "mappings-file",
          Parsers.path(),
          null,
          "A Heroku Connect mapping export (JSON). Or give the mappings inline under 'mappings:'.");

  public static final ConfigKey<Integer> BULK_THRESHOLD =
      key(
          "sync.bulk-threshold",
          Parsers.intBetween(0, Integer.MAX_VALUE),
          "10000",
          "Objects with more records than this load through Bulk API 2.0; smaller ones through REST.");
  public static final ConfigKey<Integer> OUTBOUND_BULK_THRESHOLD =
      key(
          "sync.outbound-bulk-threshold",
          Parsers.intBetween(0, Integer.MAX_VALUE),
          "2000",
          "A push of at least this many updates, deletes or external-id inserts of one table goes as one Bulk API 2.0 job; 0 turns that off.");
  public static final ConfigKey<Integer> POLL_OVERLAP_SECONDS =
      key(
          "sync.poll-overlap-seconds",
          Parsers.intBetween(0, 86400),
          "60",
          "How far back each poll re-reads, to catch Salesforce transactions that committed late.");
  public static final ConfigKey<Integer> SETTLE_SECONDS =
      key(
          "sync.settle-seconds",
          Parsers.intBetween(0, 3600),
          "2",
          "Polls stop this far before now, so a second still being written is read once it is complete.");
  public static final ConfigKey<Integer> DRIFT_CHECK_MINUTES =
      key(
          "sync.drift-check-minutes",
          Parsers.intBetween(1, 10080),
          "60",
          "How often each mapping's counts are compared.");
  public static final ConfigKey<Boolean> TRUNCATE_GUARD =
      key(
          "sync.truncate-guard",
          Parsers.bool(),
          "true",
          "Refuse TRUNCATE of read-write tables (Heroku Connect silently drops it and the sides drift).");

  public static final ConfigKey<Integer> ARCHIVE_AFTER_HOURS =
      key(
          "sync.archive-after-hours",
          Parsers.intBetween(1, 24 * 365),
          "24",
          "Settled trigger-log entries older than this move to _trigger_log_archive (Heroku Connect: about a day).");
  public static final ConfigKey<Integer> PURGE_AFTER_DAYS =
      key(
          "sync.purge-after-days",
          Parsers.intBetween(1, 3650),
          "31",
          "Archived trigger-log entries older than this are deleted.");

  public static final ConfigKey<String> ADMIN_HOST =
      key(
          "admin.host",
          Parsers.text(),
          "127.0.0.1",
          "Address the admin API and dashboard listen on; anything but localhost requires admin.token.");
  public static final ConfigKey<Integer> ADMIN_PORT =
      key(
          "admin.port",
          Parsers.intBetween(0, 65535),
          "8080",
          "Port of the admin API, dashboard and /metrics.");
  public static final ConfigKey<String> ADMIN_TOKEN =
      secret(
          "admin.token",
          "Bearer token the admin API requires; required when admin.host is not localhost.");

  /** Every key, in the order the reference documentation lists them. */
  public static final List<ConfigKey<?>> ALL =
      List.of(
          LOGIN_URL,
          AUTH,
          USERNAME,
          PASSWORD,
          CLIENT_ID,
          CLIENT_SECRET,
          PRIVATE_KEY_FILE,
          REFRESH_TOKEN,
          API_VERSION,
          CLIENT_NAME,
          DATABASE_URL,
          SCHEMA,
          POOL_SIZE,
          MAPPINGS_FILE,
          BULK_THRESHOLD,
          OUTBOUND_BULK_THRESHOLD,
          POLL_OVERLAP_SECONDS,
          SETTLE_SECONDS,
          DRIFT_CHECK_MINUTES,
          TRUNCATE_GUARD,
          ARCHIVE_AFTER_HOURS,
          PURGE_AFTER_DAYS,
          ADMIN_HOST,
          ADMIN_PORT,
          ADMIN_TOKEN);

  private ConfigKeys() {}

  private static <T> ConfigKey<T> key(
      String path, Function<String, T> parser, String defaultText, String description) {
    return new ConfigKey<>(path, parser, Optional.ofNullable(defaultText), false, description);
  }

  private static ConfigKey<String> secret(String path, String description) {
    return new ConfigKey<>(path, Parsers.text(), Optional.empty(), true, description);
  }
}
