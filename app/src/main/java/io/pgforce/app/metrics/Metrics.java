package io.pgforce.app.metrics;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pgforce.app.admin.AdminBackend;
import java.time.Clock;

/**
 * The daemon's metrics: create it before the engine (so the engine can report to {@link #sync()}),
 * then {@link #watch} the running sync; {@link #scrape()} answers {@code /metrics}.
 */
public final class Metrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final SyncMetrics sync = new SyncMetrics(registry);
  private final Clock clock;
  private volatile EngineGauges gauges;

  public Metrics(Clock clock) {
    this.clock = clock;
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** The observer to hand to the engine, and the admin API's source of recent lag. */
  public SyncMetrics sync() {
    return sync;
  }

  /** Adds the gauges read from the running sync. */
  public void watch(AdminBackend backend) {
    gauges = new EngineGauges(registry, backend, clock);
  }

  /** Every metric in Prometheus' text format, gauges read fresh. */
  public String scrape() {
    EngineGauges g = gauges;
    if (g != null) {
      g.refresh();
    }
    return registry.scrape();
  }
}
