package io.pgforce.app.admin;

import static io.pgforce.app.admin.FeedBackend.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.TargetState;
import io.pgforce.engine.sync.TableCounts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectionStateTest {

  private static MappingView view(MappingStatus status, TargetState target, long pending) {
    return new MappingView(
        snapshot("Account", "read_write", status, target),
        Optional.of(new TableCounts(10, pending, 0)),
        Map.of());
  }

  private static final MappingView SYNCED = view(MappingStatus.DATA_SYNCED, TargetState.RUNNING, 0);

  @Test
  void anUnreachableDatabaseOutranksEverything() {
    assertThat(ConnectionState.of(List.of(SYNCED), false))
        .isEqualTo(ConnectionState.DB_UNAVAILABLE);
  }

  @Test
  void aRefusedLoginNeedsTheOperatorBeforeAnyMappingError() {
    MappingView failing = view(MappingStatus.SYSTEM_ERROR, TargetState.RUNNING, 2);
    assertThat(ConnectionState.of(List.of(SYNCED, failing), true, true))
        .isEqualTo(ConnectionState.NEED_AUTHENTICATION);
    assertThat(ConnectionState.of(List.of(SYNCED), false, true))
        .isEqualTo(ConnectionState.DB_UNAVAILABLE);
  }

  @Test
  void oneFailingMappingMakesTheConnectionASystemError() {
    MappingView failing = view(MappingStatus.SYSTEM_ERROR, TargetState.PAUSED, 0);
    assertThat(ConnectionState.of(List.of(SYNCED, failing), true))
        .isEqualTo(ConnectionState.SYSTEM_ERROR);
  }

  @Test
  void pausedOnlyWhenEveryMappingIs() {
    MappingView paused = view(MappingStatus.DATA_SYNCED, TargetState.PAUSED, 5);
    assertThat(ConnectionState.of(List.of(paused, paused), true)).isEqualTo(ConnectionState.PAUSED);
    assertThat(ConnectionState.of(List.of(paused, SYNCED), true)).isEqualTo(ConnectionState.IDLE);
  }

  @Test
  void aNewMappingBeingPreparedIsAnImport() {
    MappingView initial = view(MappingStatus.INITIAL, TargetState.RUNNING, 0);
    assertThat(ConnectionState.of(List.of(SYNCED, initial), true))
        .isEqualTo(ConnectionState.IMPORT_CONFIGURATION);
  }

  @Test
  void localChangesWaitingMeanWritingToSalesforce() {
    MappingView writing = view(MappingStatus.DATA_SYNCED, TargetState.RUNNING, 3);
    assertThat(ConnectionState.of(List.of(SYNCED, writing), true))
        .isEqualTo(ConnectionState.POLLING_DB_CHANGES);
    assertThat(ConnectionState.of(List.of(), true)).isEqualTo(ConnectionState.IDLE);
  }
}
