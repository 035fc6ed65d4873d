package io.pgforce.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the benchmarks and prints one table per scenario; the same figures go to a JSON file.
 *
 * <p>{@code bench/run [initial-load|inbound|outbound|all] [--sizes 10000,100000,1000000] [--runs 3]
 * [--rate 500] [--seconds 20] [--burst 20000] [--via cdc,polling]}
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    String scenario = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
    // the default: an initial load of 1,000,000 rows; outbound at two quicker sizes
    List<Integer> loadSizes = sizes(args, "1000000");
    List<Integer> outboundSizes = sizes(args, "10000,100000");
    int runs = Integer.parseInt(option(args, "--runs", "3"));
    Path json = Path.of(option(args, "--json", "bench/results/latest.json"));
    ObjectNode report = new ObjectMapper().createObjectNode();
    report.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + Runtime.getRuntime().maxMemory() / 1024 / 1024
            + " MB max heap for the engine");
    System.out.println(
        "pgforce benchmarks on "
            + report.get("machine").asText()
            + "; medians of "
            + runs
            + " runs, min-max in brackets");
    if (scenario.equals("all") || scenario.equals("initial-load")) {
      report.set("initial_load", initialLoad(loadSizes, runs));
    }
    if (scenario.equals("all") || scenario.equals("inbound")) {
      report.set(
          "inbound",
          inbound(
              Integer.parseInt(option(args, "--rate", "500")),
              Integer.parseInt(option(args, "--seconds", "20")),
              Integer.parseInt(option(args, "--burst", "20000")),
              option(args, "--via", "cdc,polling"),
              runs));
    }
    if (scenario.equals("all") || scenario.equals("outbound")) {
      report.set("outbound", outbound(outboundSizes, runs));
    }
    Files.createDirectories(json.toAbsolutePath().getParent());
    Files.writeString(
        json,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    System.out.println("\nfigures written to " + json);
    System.exit(0); // the embedded PostgreSQL's shutdown hook stops it
  }

  private static ArrayNode initialLoad(List<Integer> sizes, int runs) throws Exception {
    System.out.println(
        "\nInitial load (Bulk API 2.0 -> COPY) vs raw COPY of the same rows (goal: ratio <= 1.5)");
    System.out.printf(
        "%10s %18s %18s %8s %12s %14s%n",
        "rows", "pgforce s", "raw COPY s", "ratio", "rows/s", "peak heap MB");
    ArrayNode out = new ObjectMapper().createArrayNode();
    for (int size : sizes) {
      InitialLoadScenario.Result r = InitialLoadScenario.run(size, runs);
      System.out.printf(
          "%10d %18s %18s %8.2f %12.0f %14.0f%n",
          size,
          spread(r.pgforceSeconds()),
          spread(r.copySeconds()),
          r.ratio(),
          r.rowsPerSecond(),
          Stats.max(r.peakHeapMb()));
      ObjectNode n = out.addObject();
      n.put("rows", size);
      n.put("pgforce_seconds_median", Stats.median(r.pgforceSeconds()));
      n.put("copy_seconds_median", Stats.median(r.copySeconds()));
      n.put("ratio", r.ratio());
      n.put("rows_per_second", r.rowsPerSecond());
      n.put("peak_heap_mb", Stats.max(r.peakHeapMb()));
      n.putPOJO("pgforce_seconds", r.pgforceSeconds());
      n.putPOJO("copy_seconds", r.copySeconds());
    }
    return out;
  }

  private static ArrayNode inbound(int rate, int seconds, int burst, String via, int runs)
      throws Exception {
    System.out.printf(
        "%nInbound after the load: lag from a Salesforce write to the committed row at %d changes/s"
            + " for %d s, and the ceiling when %d changes arrive at once (goal: CDC lag p50 < 100 ms)%n",
        rate, seconds, burst);
    System.out.printf(
        "%10s %10s %10s %10s %22s%n", "via", "lag p50", "lag p95", "lag p99", "ceiling rows/s");
    ArrayNode out = new ObjectMapper().createArrayNode();
    for (String mode : via.split(",")) {
      boolean cdc = mode.equals("cdc");
      List<InboundScenario.Result> results = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        results.add(InboundScenario.run(cdc, rate, java.time.Duration.ofSeconds(seconds), burst));
      }
      List<Double> lags = results.stream().flatMap(r -> r.lagMillis().stream()).toList();
      List<Double> ceilings = results.stream().map(r -> r.ceilingRowsPerSecond()).toList();
      System.out.printf(
          "%10s %8.0fms %8.0fms %8.0fms %22s%n",
          results.get(0).via(),
          Stats.percentile(lags, 50),
          Stats.percentile(lags, 95),
          Stats.percentile(lags, 99),
          spread(ceilings, "%.0f"));
      ObjectNode n = out.addObject();
      n.put("via", results.get(0).via());
      n.put("changes_per_second", rate);
      n.put("runs", runs);
      n.put("lag_ms_p50", Stats.percentile(lags, 50));
      n.put("lag_ms_p95", Stats.percentile(lags, 95));
      n.put("lag_ms_p99", Stats.percentile(lags, 99));
      n.put("burst", burst);
      n.putPOJO("ceiling_rows_per_second", ceilings);
    }
    return out;
  }

  private static ArrayNode outbound(List<Integer> sizes, int runs) throws Exception {
    System.out.println(
        "\nOutbound (goals: >= 10,000 rows/s; per 10,000 rows <= 51 calls through Collections, <= 5"
            + " through Bulk; lag p50 < 200 ms, p99 < 1 s)");
    System.out.println(
        "rows/s run from the start of the application's statement; 'after commit' from its commit");
    System.out.printf(
        "%10s %22s %22s %14s %22s %22s %14s %10s %10s %10s%n",
        "rows",
        "Collections rows/s",
        "after commit",
        "calls/10k",
        "Bulk rows/s",
        "after commit",
        "calls/10k",
        "lag p50",
        "lag p95",
        "lag p99");
    ArrayNode out = new ObjectMapper().createArrayNode();
    // one org for every run, emptied before each: the engine's JVM already lives through them all
    try (RemoteOrg org = RemoteOrg.start(0, "4g")) {
      for (int size : sizes) {
        List<OutboundScenario.Result> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          org.reset();
          results.add(OutboundScenario.run(org, size));
        }
        printOutbound(size, results);
        addOutbound(out.addObject(), size, results);
      }
    }
    return out;
  }

  private static void printOutbound(int size, List<OutboundScenario.Result> results) {
    List<Double> lags = results.stream().flatMap(r -> r.lagMillis().stream()).toList();
    System.out.printf(
        "%10d %22s %22s %14s %22s %22s %14s %8.0fms %8.0fms %8.0fms%n",
        size,
        spread(pick(results, r -> r.collections().rowsPerSecond()), "%.0f"),
        spread(pick(results, r -> r.collections().afterCommitRowsPerSecond()), "%.0f"),
        spread(pick(results, r -> r.collections().callsPer10k()), "%.1f"),
        spread(pick(results, r -> r.bulk().rowsPerSecond()), "%.0f"),
        spread(pick(results, r -> r.bulk().afterCommitRowsPerSecond()), "%.0f"),
        spread(pick(results, r -> r.bulk().callsPer10k()), "%.1f"),
        Stats.percentile(lags, 50),
        Stats.percentile(lags, 95),
        Stats.percentile(lags, 99));
  }

  private static void addOutbound(ObjectNode n, int size, List<OutboundScenario.Result> results) {
    List<Double> lags = results.stream().flatMap(r -> r.lagMillis().stream()).toList();
    n.put("rows", size);
    n.put("runs", results.size());
    n.putPOJO("collections_rows_per_second", pick(results, r -> r.collections().rowsPerSecond()));
    n.putPOJO(
        "collections_after_commit_rows_per_second",
        pick(results, r -> r.collections().afterCommitRowsPerSecond()));
    n.putPOJO("collections_calls_per_10k_rows", pick(results, r -> r.collections().callsPer10k()));
    n.putPOJO("bulk_rows_per_second", pick(results, r -> r.bulk().rowsPerSecond()));
    n.putPOJO(
        "bulk_after_commit_rows_per_second",
        pick(results, r -> r.bulk().afterCommitRowsPerSecond()));
    n.putPOJO("bulk_calls_per_10k_rows", pick(results, r -> r.bulk().callsPer10k()));
    n.put("lag_ms_p50", Stats.percentile(lags, 50));
    n.put("lag_ms_p95", Stats.percentile(lags, 95));
    n.put("lag_ms_p99", Stats.percentile(lags, 99));
  }

  private static List<Double> pick(
      List<OutboundScenario.Result> results,
      java.util.function.ToDoubleFunction<OutboundScenario.Result> figure) {
    return results.stream().map(r -> figure.applyAsDouble(r)).toList();
  }

  private static String spread(List<Double> values, String format) {
    return String.format(
        format + " [" + format + "-" + format + "]",
        Stats.median(values),
        Stats.min(values),
        Stats.max(values));
  }

  private static String spread(List<Double> values) {
    return spread(values, "%.2f");
  }

  private static List<Integer> sizes(String[] args, String fallback) {
    return Arrays.stream(option(args, "--sizes", fallback).split(","))
        .map(Integer::parseInt)
        .toList();
  }

  private static String option(String[] args, String name, String fallback) {
    List<String> list = new ArrayList<>(Arrays.asList(args));
    int i = list.indexOf(name);
    return i >= 0 && i + 1 < list.size() ? list.get(i + 1) : fallback;
  }
}
