package io.pgforce.engine.inbound;

import io.pgforce.engine.state.ModstampCursor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The span of SystemModstamps one poll reads: from the cursor minus an overlap (Salesforce
 * transactions can commit after a later SystemModstamp is already visible, and many records share a
 * second) to now minus a settle delay (so the current second is read once it is complete). Both
 * ends are inclusive and whole seconds, SystemModstamp's precision.
 */
public record PollWindow(Instant from, Instant to) {

  private static final DateTimeFormatter SOQL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  public static PollWindow after(
      ModstampCursor cursor, Instant now, Duration overlap, Duration settle) {
    Instant from = cursor.systemModstamp().minus(overlap).truncatedTo(ChronoUnit.SECONDS);
    Instant to = now.minus(settle).truncatedTo(ChronoUnit.SECONDS);
    return new PollWindow(from.isAfter(to) ? to : from, to);
  }

  /** The SOQL that reads the window in (SystemModstamp, Id) order, deleted records included. */
  public String soql(String fieldList, String objectName) {
    return "SELECT "
        + fieldList
        + " FROM "
        + objectName
        + " WHERE SystemModstamp >= "
        + SOQL.format(from)
        + " AND SystemModstamp <= "
        + SOQL.format(to)
        + " ORDER BY SystemModstamp, Id";
  }

  /** Where polling stands once the whole window is applied. */
  public ModstampCursor end() {
    return new ModstampCursor(to, "");
  }
}
