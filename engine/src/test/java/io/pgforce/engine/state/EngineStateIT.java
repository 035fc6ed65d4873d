package io.pgforce.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.testkit.TestDatabase;
import io.pgforce.testkit.WithPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithPostgres
class EngineStateIT {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final PositionStore positions = new PositionStore(CLOCK);
  private final MappingStore mappings = new MappingStore(CLOCK);

  @BeforeAll
  static void migrate(TestDatabase db) {
    EngineState.migrate(db.dataSource());
    EngineState.migrate(db.dataSource()); // a second start finds nothing to do
  }

  @Test
  void cursorCommitsWithTheTransactionAndNeverMovesBack(TestDatabase db) throws Exception {
    ModstampCursor first =
        new ModstampCursor(Instant.parse("2026-01-01T10:00:00Z"), "001000000000002AAA");
    ModstampCursor older =
        new ModstampCursor(Instant.parse("2026-01-01T10:00:00Z"), "001000000000001AAA");
    try (Connection c = db.connect()) {
      mappings.register(c, "Account", "{}");
      c.setAutoCommit(false);
      positions.saveCursor(c, "Account", first);
      c.rollback(); // the rows it covered were not committed, so neither is the cursor
      assertThat(positions.cursor(c, "Account")).isEmpty();

      positions.saveCursor(c, "Account", first);
      positions.saveCursor(c, "Account", older);
      c.commit();
      assertThat(positions.cursor(c, "Account")).contains(first);
    }
  }

  @Test
  void replayIdsAndMappingStatesRoundTrip(TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      mappings.register(c, "Contact", "{\"access\":\"read_write\"}");
      assertThat(mappings.targetState(c, "Contact")).contains(TargetState.RUNNING);
      assertThat(mappings.status(c, "Contact")).contains(MappingStatus.INITIAL);
      mappings.setTargetState(c, "Contact", TargetState.PAUSED);
      mappings.setStatus(c, "Contact", MappingStatus.DATA_SYNCED, null);
      mappings.register(c, "Contact", "{\"access\":\"read_only\"}"); // keeps state and status
      assertThat(mappings.targetState(c, "Contact")).contains(TargetState.PAUSED);
      assertThat(mappings.status(c, "Contact")).contains(MappingStatus.DATA_SYNCED);

      positions.saveReplayId(c, "/data/ContactChangeEvent", 42);
      positions.saveReplayId(c, "/data/ContactChangeEvent", 43);
      assertThat(positions.replayId(c, "/data/ContactChangeEvent")).hasValue(43);
    }
  }
}
