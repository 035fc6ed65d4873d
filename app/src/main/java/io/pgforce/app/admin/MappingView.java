package io.pgforce.app.admin;

import io.pgforce.engine.SyncObserver.Direction;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.sync.MappingSnapshot;
import io.pgforce.engine.sync.TableCounts;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping as the API shows it: the engine's snapshot, what its table holds, and how far behind
 * the latest change each way arrived.
 *
 * @param counts empty while the table does not exist yet (a mapping still being prepared)
 * @param lastLag the lag of the most recent change each way, for the directions seen so far
 */
public record MappingView(
    MappingSnapshot snapshot, Optional<TableCounts> counts, Map<Direction, Duration> lastLag) {

  private static final Set<MappingStatus> LOADING =
      Set.of(
          MappingStatus.POLLING_SF_BULK,
          MappingStatus.POLLING_SF_CHANGES,
          MappingStatus.RELOAD_TABLE);

  public MappingView {
    lastLag = Map.copyOf(lastLag);
  }

  /**
   * True while the table is being loaded (first load or reload): incremental polls leave the status
   * at DATA_SYNCED, so these states only show during a load.
   */
  public boolean loading() {
    return LOADING.contains(snapshot.status());
  }

  /** Changes waiting to be pushed to Salesforce. */
  public long pending() {
    return counts.map(TableCounts::pending).orElse(0L);
  }

  /** Load progress, 0 to 100; empty when the size of the load is not known. */
  public Optional<Double> loadPercent() {
    long expected = snapshot.loadExpected();
    return expected <= 0
        ? Optional.empty()
        : Optional.of(Math.min(100.0, snapshot.loadRows() * 100.0 / expected));
  }
}
