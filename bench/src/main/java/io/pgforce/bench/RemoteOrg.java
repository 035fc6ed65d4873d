package io.pgforce.bench;

import io.pgforce.engine.config.SalesforceSettings;
import io.pgforce.salesforce.AuthFlow;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.SalesforceConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An emulated org running in a child JVM ({@link EmulatorProcess}), and a client logged in to it.
 */
final class RemoteOrg implements AutoCloseable {

  private static final Pattern CALLS =
      Pattern.compile("\"(GET|POST|PUT|PATCH|DELETE) [^\"]*\"\\s*:\\s*(\\d+)");

  private final Process process;

  /** For the org's admin endpoints (its statistics and its reset), outside the client's API. */
  private final HttpClient admin = HttpClient.newHttpClient();

  final String baseUrl;
  final SalesforceClient client;

  private RemoteOrg(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
    this.client =
        SalesforceClient.connect(
            SalesforceConfig.builder()
                .loginUrl(baseUrl)
                .authFlow(AuthFlow.PASSWORD)
                .username("admin@pgforce.local")
                .password("pgforce123")
                .clientId("pgforce-client-id")
                .clientSecret("pgforce-client-secret")
                .retryBudget(SalesforceSettings.CLIENT_RETRY_BUDGET)
                .build());
  }

  static RemoteOrg start(int accounts, String heap) throws IOException {
    Process p =
        new ProcessBuilder(command(accounts, heap))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    String last = line;
    while (line != null && !line.startsWith("READY ")) {
      last = line; // the JVM's own lines (a profiler's "Profiling started") may come first
      line = out.readLine();
    }
    if (line == null) {
      p.destroyForcibly();
      throw new IOException("the emulator process did not start: " + last);
    }
    return new RemoteOrg(p, line.substring("READY ".length()));
  }

  /**
   * The child JVM's command line; {@code PGFORCE_BENCH_ORG_JAVA_OPTS} adds options (a profiler).
   */
  private static List<String> command(int accounts, String heap) {
    List<String> command = new java.util.ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx" + heap);
    command.add("-XX:+UseParallelGC");
    String extra = System.getenv("PGFORCE_BENCH_ORG_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            EmulatorProcess.class.getName(),
            String.valueOf(accounts)));
    return command;
  }

  /**
   * API calls the org has received so far, every endpoint (its admin endpoints are not counted).
   */
  long apiCalls() throws IOException, InterruptedException {
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/__emulator__/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
    long calls = 0;
    Matcher m = CALLS.matcher(r.body());
    while (m.find()) {
      calls += Long.parseLong(m.group(2));
    }
    return calls;
  }

  /**
   * Empties the org (records, sessions, jobs, retained change events, statistics) and keeps its JVM
   * running, with the code it has compiled: the next run meets a warm org, as a daemon meets
   * Salesforce. The client logs in again when its session is refused.
   */
  void reset() throws IOException, InterruptedException {
    HttpResponse<String> r =
        admin.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/__emulator__/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 204) {
      throw new IOException("the emulator refused its reset: " + r.statusCode() + " " + r.body());
    }
  }

  @Override
  public void close() {
    client.close();
    process.destroy();
  }
}
