package io.pgforce.emulator.streaming;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.testing.RestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the time from a REST create (request sent) to the change event arriving at a Bayeux
 * subscriber over HTTP long polling, both in this JVM. Not a test; run it as docs/emulator.md
 * shows:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.pgforce.emulator.streaming.CdcLatencyBenchmark -Dexec.args=500
 * </pre>
 */
public final class CdcLatencyBenchmark {

  private CdcLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int writes = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    try (Emulator emulator = Emulator.start(EmulatorConfig.builder().port(0).build())) {
      String token = emulator.accessToken();
      RestClient api = new RestClient(emulator.baseUrl()).withToken(token);
      try (EmpStyleClient client =
          new EmpStyleClient(emulator.streamingUrl(), () -> token)
              .start("/data/AccountChangeEvent", EventLog.NEW_ONLY)) {
        while (!client.bayeux().isConnected()) {
          Thread.onSpinWait();
        }
        emulator.changeEvents().lastReplayId();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
          int before = client.events().size();
          long start = System.nanoTime();
          api.post("/services/data/v60.0/sobjects/Account", "{\"Name\":\"Latency " + i + "\"}");
          while (client.events().size() == before) {
            Thread.onSpinWait();
          }
          micros.add((System.nanoTime() - start) / 1_000);
        }
        report(micros.subList(micros.size() / 5, micros.size()));
      }
    }
  }

  /** Percentiles of the measurements after the first fifth (warm-up). */
  private static void report(List<Long> micros) {
    List<Long> sorted = new ArrayList<>(micros);
    Collections.sort(sorted);
    System.out.printf(
        "%d writes: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        sorted.size(),
        sorted.get(sorted.size() / 2) / 1000.0,
        sorted.get(sorted.size() * 9 / 10) / 1000.0,
        sorted.get(sorted.size() * 99 / 100) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
  }
}
