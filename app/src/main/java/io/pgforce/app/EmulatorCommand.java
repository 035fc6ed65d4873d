package io.pgforce.app;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.seed.SeedSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pgforce emulator}: a local Salesforce org alone, serving the REST API until stopped.
 * Prints the login URL and the credentials to use (the documented defaults unless given).
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description =
        "Runs a local Salesforce org (REST API, SOQL, OAuth and SOAP login) until stopped.")
public final class EmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      description = "Port to listen on (0 picks a free one). Default: ${DEFAULT-VALUE}.")
  int port = EmulatorConfig.DEFAULT_PORT;

  @Option(names = "--host", description = "Interface to listen on. Default: ${DEFAULT-VALUE}.")
  String host = EmulatorConfig.DEFAULT_HOST;

  @Option(
      names = "--seed-records",
      paramLabel = "N",
      description = "Generate N related records: Accounts, Contacts and Opportunities (1:2:1).")
  int seedRecords;

  @Option(names = "--username", paramLabel = "U", description = "Default: ${DEFAULT-VALUE}.")
  String username = EmulatorConfig.DEFAULT_USERNAME;

  @Option(names = "--password", paramLabel = "P", description = "Default: ${DEFAULT-VALUE}.")
  String password = EmulatorConfig.DEFAULT_PASSWORD;

  @Option(names = "--client-id", paramLabel = "C", description = "Default: ${DEFAULT-VALUE}.")
  String clientId = EmulatorConfig.DEFAULT_CLIENT_ID;

  @Option(names = "--client-secret", paramLabel = "S", description = "Default: ${DEFAULT-VALUE}.")
  String clientSecret = EmulatorConfig.DEFAULT_CLIENT_SECRET;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description = "JSON file of custom objects and fields (see docs/emulator.md).")
  Path metadata;

  @Option(
      names = "--api-version",
      description = "Newest API version served. Default: ${DEFAULT-VALUE}.")
  String apiVersion = EmulatorConfig.DEFAULT_API_VERSION;

  @Option(
      names = "--token-lifetime",
      description = "Access token lifetime, ISO-8601 (PT2H, PT30S). Default: ${DEFAULT-VALUE}.")
  Duration tokenLifetime = EmulatorConfig.DEFAULT_TOKEN_LIFETIME;

  @Option(
      names = "--jwt-key",
      paramLabel = "FILE",
      description = "PEM certificate or public key JWT bearer assertions must be signed for.")
  Path jwtKey;

  @Option(
      names = "--daily-api-requests",
      paramLabel = "N",
      description = "Daily API request allowance. Default: ${DEFAULT-VALUE}.")
  long dailyApiRequests = EmulatorConfig.DEFAULT_DAILY_API_REQUESTS;

  /** The configuration the options describe. */
  EmulatorConfig config() {
    EmulatorConfig.Builder builder =
        EmulatorConfig.builder()
            .port(port)
            .host(host)
            .username(username)
            .password(password)
            .clientId(clientId)
            .clientSecret(clientSecret)
            .apiVersion(apiVersion)
            .tokenLifetime(tokenLifetime)
            .dailyApiRequests(dailyApiRequests)
            .metadataFile(metadata)
            .jwtKeyFile(jwtKey);
    return builder.build();
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    EmulatorConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println(e.getMessage());
      return 2;
    }
    QuietServerLogs.apply();
    CountDownLatch stopped = new CountDownLatch(1);
    Emulator emulator = Emulator.start(config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "pgforce-emulator-shutdown"));
    SeedSummary seeded = seedRecords > 0 ? emulator.seedRecords(seedRecords) : null;
    printBanner(out, emulator);
    if (seeded != null) {
      printSeed(out, seeded);
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    stopped.await();
    return 0;
  }

  private static void printBanner(PrintWriter out, Emulator emulator) {
    EmulatorConfig config = emulator.config();
    out.println("pgforce emulator: a local Salesforce org (API v" + config.apiVersion() + ")");
    out.println("  Login URL:     " + emulator.baseUrl());
    out.println("  Instance URL:  " + emulator.baseUrl());
    out.println("  Username:      " + config.username());
    out.println("  Password:      " + config.password());
    out.println("  Client id:     " + config.clientId());
    out.println("  Client secret: " + config.clientSecret());
    out.println("  Refresh token: " + config.refreshToken());
    out.flush();
  }

  private static void printSeed(PrintWriter out, SeedSummary seeded) {
    out.printf(
        "  Seeded %d records (%d Accounts, %d Contacts, %d Opportunities) in %.1f s%n",
        seeded.total(),
        seeded.accounts(),
        seeded.contacts(),
        seeded.opportunities(),
        seeded.elapsed().toMillis() / 1000.0);
  }

  /**
   * Keeps Jetty's and Javalin's debug output off the console when no logging configuration says
   * otherwise (Logback's built-in default logs everything at DEBUG).
   */
  static final class QuietServerLogs {
    private QuietServerLogs() {}

    static void apply() {
      for (String name : new String[] {"org.eclipse.jetty", "io.javalin"}) {
        if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger
            && logger.getLevel() == null) {
          logger.setLevel(ch.qos.logback.classic.Level.WARN);
        }
      }
    }
  }
}
