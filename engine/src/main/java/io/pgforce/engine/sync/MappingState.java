package io.pgforce.engine.sync;

import io.pgforce.engine.inbound.DriftChecker;
import io.pgforce.engine.inbound.LoadProgress;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.state.LoadStore;
import io.pgforce.engine.state.MappingStatus;
import io.pgforce.engine.state.MappingStore;
import io.pgforce.engine.state.PositionStore;
import io.pgforce.engine.state.TargetState;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mapping's target state and status, kept in memory for the status API and written through to
 * the {@code pgforce.mapping} table so they survive a restart and other tools can read them.
 */
final class MappingState {

  private static final Logger LOG = LoggerFactory.getLogger(MappingState.class);

  private final Mapping mapping;
  private final SyncContext ctx;
  private final MappingStore store;
  private volatile TargetState target = TargetState.RUNNING;
  private volatile MappingStatus status = MappingStatus.INITIAL;
  private volatile String detail;
  private volatile Instant lastPoll;
  private volatile LoadProgress progress;
  private volatile DriftChecker.Counts counts;

  MappingState(Mapping mapping, SyncContext ctx) {
    this.mapping = mapping;
    this.ctx = ctx;
    this.store = new MappingStore(ctx.clock());
  }

  /** Registers the mapping, so its status can be recorded even if it never gets further. */
  void register() {
    persist(
        () ->
            ctx.db()
                .inTransaction(
                    c -> {
                      store.register(
                          c,
                          mapping.objectName(),
                          io.pgforce.engine.mapping.MappingJson.write(mapping));
                      return null;
                    }));
  }

  /** Reads what was saved for the mapping: the operator's target survives a restart. */
  void restore() throws SQLException {
    ctx.db()
        .inTransaction(c -> store.targetState(c, mapping.objectName()))
        .ifPresent(t -> target = t);
  }

  TargetState target() {
    return target;
  }

  void target(TargetState t) {
    target = t;
    persist(
        () ->
            ctx.db()
                .inTransaction(
                    c -> {
                      store.setTargetState(c, mapping.objectName(), t);
                      return null;
                    }));
  }

  void status(MappingStatus s, String why) {
    status = s;
    detail = why;
    persist(
        () ->
            ctx.db()
                .inTransaction(
                    c -> {
                      store.setStatus(c, mapping.objectName(), s, why);
                      return null;
                    }));
  }

  boolean isLoaded() {
    try {
      return ctx.db()
          .inTransaction(c -> new LoadStore(ctx.clock()).isDone(c, mapping.objectName()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the load state of " + mapping.objectName(), e);
    }
  }

  void loading(LoadProgress p, boolean bulk) {
    progress = p;
    status(bulk ? MappingStatus.POLLING_SF_BULK : MappingStatus.POLLING_SF_CHANGES, "initial load");
  }

  void loaded() {
    status(MappingStatus.DATA_SYNCED, null);
  }

  void polled() {
    lastPoll = ctx.clock().instant();
    if (status != MappingStatus.DATA_SYNCED) {
      status(MappingStatus.DATA_SYNCED, null);
    }
  }

  void counted(DriftChecker.Counts c) {
    counts = c;
  }

  /** Forgets the load and the cursor, so the next step loads the table again from empty. */
  void forgetLoad() {
    persist(
        () ->
            ctx.db()
                .inTransaction(
                    c -> {
                      new LoadStore(ctx.clock()).forget(c, mapping.objectName());
                      new PositionStore(ctx.clock()).clearCursor(c, mapping.objectName());
                      return null;
                    }));
  }

  /** Where a change stream resumes: after the last event applied, or new events only. */
  long replayFrom(String channel) {
    try {
      return ctx.db()
          .inTransaction(c -> new PositionStore(ctx.clock()).replayId(c, channel))
          .orElse(-1L);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the replay position of " + channel, e);
    }
  }

  MappingSnapshot snapshot() {
    LoadProgress p = progress;
    DriftChecker.Counts c = counts;
    return new MappingSnapshot(
        mapping.objectName(),
        mapping.access().json(),
        target,
        status,
        Optional.ofNullable(detail),
        Optional.ofNullable(lastPoll),
        p == null ? 0 : p.rows(),
        p == null ? 0 : p.expected(),
        Optional.ofNullable(c).map(DriftChecker.Counts::salesforce),
        Optional.ofNullable(c).map(DriftChecker.Counts::postgres),
        mapping.sfNotifyEnabled());
  }

  private void persist(SqlAction action) {
    try {
      action.run();
    } catch (SQLException | RuntimeException e) {
      // the status is for people to read; failing to save it must not stop the sync
      LOG.warn("event=\"{} state not saved\" error=\"{}\"", mapping.objectName(), e.getMessage());
    }
  }

  @FunctionalInterface
  private interface SqlAction {
    void run() throws SQLException;
  }
}
