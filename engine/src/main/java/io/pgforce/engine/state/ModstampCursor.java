package io.pgforce.engine.state;

import java.time.Instant;
import java.util.Comparator;

/**
 * A polling position: the last record applied, ordered by (SystemModstamp, Id). SystemModstamp
 * alone is not a position, since many records share one second; the Id breaks the tie.
 */
public record ModstampCursor(Instant systemModstamp, String lastId)
    implements Comparable<ModstampCursor> {

  /** Before every record: where a mapping with no load yet starts. */
  public static final ModstampCursor START = new ModstampCursor(Instant.EPOCH, "");

  private static final Comparator<ModstampCursor> ORDER =
      Comparator.comparing(ModstampCursor::systemModstamp).thenComparing(ModstampCursor::lastId);

  @Override
  public int compareTo(ModstampCursor other) {
    return ORDER.compare(this, other);
  }

  /** The later of two positions. */
  public ModstampCursor max(ModstampCursor other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
