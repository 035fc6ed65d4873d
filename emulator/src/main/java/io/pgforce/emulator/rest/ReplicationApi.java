package io.pgforce.emulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Json;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.server.WireFormat;
import io.pgforce.emulator.store.FieldValues;
import io.pgforce.emulator.store.StoredRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * getUpdated and getDeleted ({@code /sobjects/X/updated} and {@code /deleted}): the ids changed or
 * deleted in a window, read from the (SystemModstamp, Id) index. As in Salesforce, both bounds are
 * truncated to the minute, the window may reach back 30 days (updated) or 15 days (deleted), and
 * more than 600,000 ids is refused.
 */
public final class ReplicationApi implements ApiArea {

  static final int MAX_IDS = 600_000;
  private static final String PATH = "/services/data/{version}/sobjects/{sobject}";

  private final OrgServices org;

  public ReplicationApi(OrgServices org) {
    this.org = org;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.get(PATH + "/updated", this::updated);
    config.routes.get(PATH + "/deleted", this::deleted);
  }

  /** A validated window: both ends on the minute, the end no later than now. */
  private record Window(Instant start, Instant end) {}

  private void updated(Context ctx) {
    SObjectDefinition type = objectOf(ctx);
    Window window = window(ctx, Duration.ofDays(30));
    List<StoredRecord> changed = changes(type, window, false);
    ObjectNode body = Json.object();
    ArrayNode ids = body.putArray("ids");
    changed.forEach(r -> ids.add(r.id()));
    body.put("latestDateCovered", WireFormat.dateTime(window.end()));
    Json.send(ctx, 200, body);
  }

  private void deleted(Context ctx) {
    SObjectDefinition type = objectOf(ctx);
    Window window = window(ctx, Duration.ofDays(15));
    List<StoredRecord> deleted = changes(type, window, true);
    ObjectNode body = Json.object();
    ArrayNode records = body.putArray("deletedRecords");
    for (StoredRecord record : deleted) {
      ObjectNode item = records.addObject();
      item.put("id", record.id());
      item.put("deletedDate", WireFormat.dateTime(record.systemModstamp()));
    }
    body.put(
        "earliestDateAvailable",
        WireFormat.dateTime(
            org.store().now().minus(Duration.ofDays(15)).truncatedTo(ChronoUnit.MINUTES)));
    body.put("latestDateCovered", WireFormat.dateTime(window.end()));
    Json.send(ctx, 200, body);
  }

  private List<StoredRecord> changes(SObjectDefinition type, Window window, boolean deleted) {
    List<StoredRecord> found =
        org.store()
            .read(
                () ->
                    org
                        .store()
                        .recordsByModstamp(type, window.start(), true, window.end(), false)
                        .stream()
                        .filter(r -> r.deleted() == deleted)
                        .limit(MAX_IDS + 1L)
                        .toList());
    if (found.size() > MAX_IDS) {
      throw Errors.badRequest(
          "EXCEEDED_ID_LIMIT", "Too many ids: choose start and end dates closer together");
    }
    return found;
  }

  private Window window(Context ctx, Duration reach) {
    Instant now = org.store().now().truncatedTo(ChronoUnit.MINUTES);
    Instant start = minute(ctx.queryParam("start"), "start");
    Instant end = minute(ctx.queryParam("end"), "end");
    if (!start.isBefore(end)) {
      throw invalidDate("startDate must chronologically precede endDate by more than one minute");
    }
    if (start.isBefore(now.minus(reach))) {
      throw invalidDate("startDate cannot be more than " + reach.toDays() + " days ago");
    }
    return new Window(start, end.isAfter(now) ? now : end);
  }

  private static Instant minute(String raw, String name) {
    Instant parsed = raw == null ? null : FieldValues.parseDateTime(raw.replace(' ', '+'));
    if (parsed == null) {
      throw invalidDate(name + " must be a dateTime such as 2024-01-31T10:00:00+00:00");
    }
    return parsed.truncatedTo(ChronoUnit.MINUTES);
  }

  private static RuntimeException invalidDate(String message) {
    return Errors.badRequest("INVALID_REPLICATION_DATE", message);
  }

  private SObjectDefinition objectOf(Context ctx) {
    return org.sobject(ctx.pathParam("sobject"));
  }
}
