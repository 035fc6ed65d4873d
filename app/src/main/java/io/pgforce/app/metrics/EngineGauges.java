package io.pgforce.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pgforce.app.admin.AdminBackend;
import io.pgforce.app.admin.ConnectionFacts;
import io.pgforce.app.admin.MappingView;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.engine.sync.TableCounts;
import io.pgforce.salesforce.ApiUsage;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Gauges read from the engine: one picture of every mapping is taken at the start of each scrape
 * ({@link #refresh}), and the gauges read that picture, so a scrape asks the database once per
 * mapping and its values agree with each other. Mappings added at runtime get their gauges at the
 * first scrape that sees them. Unknown values are NaN, which Prometheus shows as missing data.
 */
final class EngineGauges {

  private final MeterRegistry registry;
  private final AdminBackend backend;
  private final Clock clock;
  private final Map<String, MappingView> latest = new ConcurrentHashMap<>();
  private volatile Optional<ConnectionFacts> connection = Optional.empty();

  EngineGauges(MeterRegistry registry, AdminBackend backend, Clock clock) {
    this.registry = registry;
    this.backend = backend;
    this.clock = clock;
    registerConnectionGauges();
  }

  void refresh() {
    for (MappingView m : backend.mappings()) {
      String name = m.snapshot().objectName();
      if (latest.put(name, m) == null) {
        registerMappingGauges(name);
      }
    }
    connection = Optional.of(backend.connection());
  }

  private void registerConnectionGauges() {
    connectionGauge(
        "pgforce.salesforce.api.calls.used",
        "API requests used in the org's 24 hours",
        ApiUsage::used);
    connectionGauge(
        "pgforce.salesforce.api.calls.max",
        "The org's 24-hour API request allowance",
        ApiUsage::max);
    connectionGauge(
        "pgforce.salesforce.api.calls.remaining",
        "API requests left in the 24 hours",
        ApiUsage::remaining);
    Gauge.builder(
            "pgforce.database.up",
            this,
            g -> g.connection.map(c -> c.databaseReachable() ? 1.0 : 0.0).orElse(Double.NaN))
        .description("1 when the database answers, 0 when it does not")
        .strongReference(true)
        .register(registry);
    FunctionCounter.builder(
            "pgforce.outbound.writer.restarts",
            this,
            g -> g.connection.map(ConnectionFacts::writerRestarts).orElse(0))
        .description("Times the outbound writer ended on its own and was started again")
        .register(registry);
  }

  private void connectionGauge(String name, String description, ToDoubleFunction<ApiUsage> value) {
    Gauge.builder(name, this, g -> g.usage().map(value::applyAsDouble).orElse(Double.NaN))
        .description(description + ", from Salesforce's latest Sforce-Limit-Info header")
        .strongReference(true)
        .register(registry);
  }

  private Optional<ApiUsage> usage() {
    return connection.flatMap(ConnectionFacts::apiUsage);
  }

  private void registerMappingGauges(String object) {
    tableGauges(object);
    loadGauges(object);
    stateGauges(object);
  }

  /** What the table and its trigger log hold, and Salesforce's count to compare with. */
  private void tableGauges(String object) {
    gauge(
        "pgforce.trigger.log.backlog",
        object,
        "Local changes waiting to be pushed",
        MappingView::pending);
    gauge(
        "pgforce.trigger.log.failed",
        object,
        "Local changes Salesforce refused (FAILED)",
        m -> orNaN(m.counts().map(TableCounts::failed)));
    gauge(
        "pgforce.postgres.rows",
        object,
        "Rows in the mapped table",
        m -> orNaN(m.counts().map(TableCounts::rows)));
    gauge(
        "pgforce.salesforce.rows",
        object,
        "Records in Salesforce at the latest drift check",
        m -> orNaN(m.snapshot().salesforceCount()));
  }

  private void loadGauges(String object) {
    gauge(
        "pgforce.load.rows",
        object,
        "Rows loaded by the current or latest initial load",
        m -> m.snapshot().loadRows());
    gauge(
        "pgforce.load.expected.rows",
        object,
        "Rows the current or latest initial load aims at",
        m -> m.snapshot().loadExpected());
    gauge(
        "pgforce.load.progress",
        object,
        "Initial load progress, 0 to 1",
        m -> orNaN(m.loadPercent().map(p -> p / 100)));
  }

  /** One series per state, 1 for the current one: alerts match on the state label. */
  private void stateGauges(String object) {
    gauge(
        "pgforce.mapping.paused",
        object,
        "1 when an operator paused the mapping",
        m -> m.snapshot().target() == TargetState.PAUSED ? 1 : 0);
    gauge(
        "pgforce.last.poll.age.seconds",
        object,
        "Seconds since the last completed poll of Salesforce",
        this::pollAge);
    for (MappingStatus status : MappingStatus.values()) {
      Gauge.builder(
              "pgforce.mapping.state",
              this,
              g -> g.value(object, m -> m.snapshot().status() == status ? 1 : 0))
          .description("1 for the state the mapping is in (Heroku Connect's state names)")
          .tag("mapping", object)
          .tag("state", status.name())
          .strongReference(true)
          .register(registry);
    }
  }

  private static double orNaN(Optional<? extends Number> n) {
    return n.map(Number::doubleValue).orElse(Double.NaN);
  }

  private void gauge(
      String name, String object, String description, ToDoubleFunction<MappingView> value) {
    Gauge.builder(name, this, g -> g.value(object, value))
        .description(description)
        .tag("mapping", object)
        .strongReference(true)
        .register(registry);
  }

  private double value(String object, ToDoubleFunction<MappingView> value) {
    MappingView m = latest.get(object);
    return m == null ? Double.NaN : value.applyAsDouble(m);
  }

  private double pollAge(MappingView m) {
    return m.snapshot()
        .lastPoll()
        .map(t -> Duration.between(t, clock.instant()).toMillis() / 1000.0)
        .orElse(Double.NaN);
  }
}
