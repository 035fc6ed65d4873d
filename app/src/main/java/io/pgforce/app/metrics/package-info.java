/**
 * Prometheus metrics at {@code /metrics}, all named {@code pgforce_*}: what the sync reports as it
 * happens ({@link io.pgforce.app.metrics.SyncMetrics}, a {@link io.pgforce.engine.SyncObserver}),
 * and what is read from the engine at each scrape ({@link io.pgforce.app.metrics.EngineGauges}).
 * docs/operations.md lists every metric.
 */
package io.pgforce.app.metrics;
