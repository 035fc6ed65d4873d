package io.pgforce.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.app.admin.FeedBackend;
import io.pgforce.app.admin.SampleMappings;
import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.engine.sync.TableCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Clock clock = Clock.fixed(SampleMappings.NOW, ZoneOffset.UTC);
  private final Metrics metrics = new Metrics(clock);
  private FeedBackend backend;

  @BeforeEach
  void watch() {
    backend = SampleMappings.feed(new FeedBackend(clock, FeedBackend.FailedWrites.NONE, Set.of()));
    metrics.watch(backend);
  }

  @Test
  void rowsAreCountedByMappingAndDirection() {
    metrics.sync().rowsSynced("Account", Direction.INBOUND, 200);
    metrics.sync().rowsSynced("Account", Direction.INBOUND, 50);
    metrics.sync().rowsSynced("Account", Direction.OUTBOUND, 3);

    assertThat(metrics.scrape())
        .contains("pgforce_rows_synced_total{direction=\"inbound\",mapping=\"Account\"} 250.0")
        .contains("pgforce_rows_synced_total{direction=\"outbound\",mapping=\"Account\"} 3.0");
  }

  @Test
  void lagIsAHistogramInSecondsAndRemembered() {
    metrics.sync().lag("Account", Direction.INBOUND, "cdc", Duration.ofMillis(300));
    metrics.sync().lag("Account", Direction.INBOUND, "cdc", Duration.ofSeconds(4));

    String text = metrics.scrape();
    assertThat(text)
        .contains(
            "pgforce_sync_lag_seconds_bucket{direction=\"inbound\",mapping=\"Account\",via=\"cdc\",le=\"0.5\"} 1")
        .contains(
            "pgforce_sync_lag_seconds_bucket{direction=\"inbound\",mapping=\"Account\",via=\"cdc\",le=\"5.0\"} 2")
        .contains(
            "pgforce_sync_lag_seconds_count{direction=\"inbound\",mapping=\"Account\",via=\"cdc\"} 2");
    assertThat(metrics.sync().lastLag("Account"))
        .containsEntry(Direction.INBOUND, Duration.ofSeconds(4));
  }

  @Test
  void errorsAreCountedByCode() {
    metrics.sync().error("Contact", Direction.OUTBOUND, "REQUIRED_FIELD_MISSING");

    assertThat(metrics.scrape())
        .contains(
            "pgforce_sync_errors_total{code=\"REQUIRED_FIELD_MISSING\",direction=\"outbound\",mapping=\"Contact\"} 1.0");
  }

  @Test
  void gaugesReadTheEngineAtEachScrape() {
    String text = metrics.scrape();

    assertThat(text)
        .contains("pgforce_trigger_log_backlog{mapping=\"Account\"} 2.0")
        .contains("pgforce_trigger_log_failed{mapping=\"Account\"} 1.0")
        .contains("pgforce_load_progress{mapping=\"Contact\"} 0.25")
        .contains("pgforce_load_expected_rows{mapping=\"Contact\"} 1000.0")
        .contains("pgforce_last_poll_age_seconds{mapping=\"Account\"} 30.0")
        .contains("pgforce_mapping_state{mapping=\"Opportunity\",state=\"SYSTEM_ERROR\"} 1.0")
        .contains("pgforce_mapping_state{mapping=\"Opportunity\",state=\"DATA_SYNCED\"} 0.0")
        .contains("pgforce_salesforce_api_calls_used 1000.0")
        .contains("pgforce_salesforce_api_calls_remaining 14000.0")
        .contains("pgforce_database_up 1.0")
        .contains("pgforce_outbound_writer_restarts_total 2.0");
  }

  @Test
  void aMappingAddedLaterGetsItsGaugesAndValuesFollowTheEngine() {
    metrics.scrape();
    backend.feed(
        FeedBackend.snapshot("Lead", "read_only", MappingStatus.DATA_SYNCED, TargetState.PAUSED),
        new TableCounts(9, 4, 0));
    backend.command("Account", io.pgforce.app.admin.MappingAction.PAUSE);

    assertThat(metrics.scrape())
        .contains("pgforce_trigger_log_backlog{mapping=\"Lead\"} 4.0")
        .contains("pgforce_mapping_paused{mapping=\"Lead\"} 1.0")
        .contains("pgforce_mapping_paused{mapping=\"Account\"} 1.0");
  }
}
