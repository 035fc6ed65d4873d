package io.pgforce.engine.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.engine.outbound.LogEntry.Action;
import io.pgforce.engine.outbound.PendingWrite.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeMergerTest {

  @Test
  void foldsManyUpdatesOfOneRecordIntoOne() {
    List<LogEntry> entries = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      entries.add(
          new LogEntry(
              i, Action.UPDATE, "account", 7, "001A", Set.of(i % 2 == 0 ? "name" : "phone")));
    }

    List<PendingWrite> writes = ChangeMerger.merge(entries);

    assertThat(writes).hasSize(1);
    PendingWrite w = writes.get(0);
    assertThat(w.kind()).isEqualTo(Kind.UPDATE);
    assertThat(w.columns()).containsExactlyInAnyOrder("name", "phone");
    assertThat(w.resultEntry()).isEqualTo(10_000);
    assertThat(w.mergedEntries()).hasSize(9_999);
  }

  @Test
  void anInsertFollowedByUpdatesIsOneInsert() {
    List<PendingWrite> writes =
        ChangeMerger.merge(
            List.of(
                new LogEntry(1, Action.INSERT, "contact", 3, null, Set.of("lastname")),
                new LogEntry(2, Action.UPDATE, "contact", 3, null, Set.of("email"))));

    assertThat(writes)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.kind()).isEqualTo(Kind.INSERT);
              assertThat(w.entryIds()).containsExactly(1L, 2L);
            });
  }

  @Test
  void createdAndDeletedBeforeThePushCostsNothing() {
    List<PendingWrite> writes =
        ChangeMerger.merge(
            List.of(
                new LogEntry(1, Action.INSERT, "contact", 3, null, Set.of("lastname")),
                new LogEntry(2, Action.DELETE, "contact", 3, null, Set.of())));

    assertThat(writes).singleElement().extracting(PendingWrite::kind).isEqualTo(Kind.NOTHING);
  }

  @Test
  void aDeletedRecordStaysDeletedWhateverEntriesFollowTheDelete() {
    // an inbound copy's edits, moved onto the deleted row when the copy was folded into it
    List<PendingWrite> writes =
        ChangeMerger.merge(
            List.of(
                new LogEntry(1, Action.UPDATE, "account", 2, "001B", Set.of("name")),
                new LogEntry(2, Action.DELETE, "account", 2, "001B", Set.of()),
                new LogEntry(3, Action.UPDATE, "account", 2, "001B", Set.of("rating"))));

    assertThat(writes).singleElement().extracting(PendingWrite::kind).isEqualTo(Kind.DELETE);
  }

  @Test
  void keepsRecordsApartAndInFirstSeenOrder() {
    List<PendingWrite> writes =
        ChangeMerger.merge(
            List.of(
                new LogEntry(1, Action.UPDATE, "account", 2, "001B", Set.of("name")),
                new LogEntry(2, Action.INSERT, "contact", 2, null, Set.of("lastname")),
                new LogEntry(3, Action.DELETE, "account", 2, "001B", Set.of())));

    assertThat(writes)
        .extracting(PendingWrite::table, PendingWrite::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("account", Kind.DELETE),
            org.assertj.core.groups.Tuple.tuple("contact", Kind.INSERT));
  }

  @Test
  void anUpdateOfARowThatNeverReachedSalesforceIsAnInsert() {
    List<PendingWrite> writes =
        ChangeMerger.merge(
            List.of(new LogEntry(9, Action.UPDATE, "contact", 4, null, Set.of("lastname"))));

    assertThat(writes).singleElement().extracting(PendingWrite::kind).isEqualTo(Kind.INSERT);
  }
}
