package io.pgforce.app.admin;

import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.engine.sync.MappingSnapshot;
import io.pgforce.engine.sync.TableCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Three mappings in three situations, as the tests feed them: Account synced and followed by CDC,
 * Contact half-way through a Bulk load, Opportunity failing its polls.
 */
public final class SampleMappings {

  /** The tests' "now"; Account last polled 30 seconds before it. */
  public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private SampleMappings() {}

  public static FeedBackend feed(FeedBackend backend) {
    MappingSnapshot account =
        new MappingSnapshot(
            "Account",
            "read_write",
            TargetState.RUNNING,
            MappingStatus.DATA_SYNCED,
            Optional.empty(),
            Optional.of(NOW.minus(Duration.ofSeconds(30))),
            120,
            120,
            Optional.of(121L),
            Optional.of(120L),
            true);
    MappingSnapshot contact =
        new MappingSnapshot(
            "Contact",
            "read_write",
            TargetState.RUNNING,
            MappingStatus.POLLING_SF_BULK,
            Optional.of("initial load"),
            Optional.empty(),
            250,
            1000,
            Optional.empty(),
            Optional.empty(),
            false);
    MappingSnapshot opportunity =
        new MappingSnapshot(
            "Opportunity",
            "read_only",
            TargetState.RUNNING,
            MappingStatus.SYSTEM_ERROR,
            Optional.of("UNABLE_TO_LOCK_ROW: try again"),
            Optional.empty(),
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            false);
    return backend
        .feed(
            new MappingView(account, Optional.of(new TableCounts(120, 2, 1)), FeedBackend.lag(0.4)))
        .feed(contact, new TableCounts(250, 0, 0))
        .feed(opportunity, new TableCounts(0, 0, 0))
        .apiUsage(1_000, 15_000);
  }
}
