package io.pgforce.emulator.streaming;

import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.metadata.SObjectDefinition;
import io.pgforce.emulator.metadata.SystemFields;
import io.pgforce.emulator.store.ChangeEvent;
import io.pgforce.emulator.store.ChangeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the {@code payload} of a change event: the {@code ChangeEventHeader} and the body, by
 * Salesforce's rules. CREATE and UNDELETE carry every non-null field; UPDATE the changed fields (a
 * field set to null appears as null) and always LastModifiedDate; DELETE and gap events the header
 * alone. Compound fields are nested ({@link CdcFieldLayout}); datetimes are written as {@code
 * 2024-01-31T10:00:00Z}, without milliseconds, as CDC does.
 */
final class ChangeEventBodies {

  static final String HEADER = "ChangeEventHeader";
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'");

  private final OrgSchema schema;
  private final String apiVersion;
  private final Map<String, CdcFieldLayout> layouts = new ConcurrentHashMap<>();

  /**
   * @param apiVersion the version named in {@code changeOrigin} ({@code 60.0})
   */
  ChangeEventBodies(OrgSchema schema, String apiVersion) {
    this.schema = schema;
    this.apiVersion = apiVersion;
  }

  /** The payload of a committed change. */
  Map<String, Object> payload(ChangeEvent event, long commitNumber) {
    CdcFieldLayout layout = layout(event.objectName());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(HEADER, header(event, commitNumber, changedFields(event, layout)));
    switch (event.type()) {
      case CREATE, UNDELETE -> fill(payload, event.newValues(), layout);
      case UPDATE -> fillUpdate(payload, event, layout);
      case DELETE -> {
        // Salesforce sends no fields for a deleted record: the header names it.
      }
    }
    return payload;
  }

  /**
   * The payload of a gap or overflow event: the header alone, {@code changeType} {@code GAP_*} or
   * {@code GAP_OVERFLOW}, telling the subscriber to re-read the records (or the object).
   */
  Map<String, Object> gapPayload(GapEvent gap, long commitNumber) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", gap.objectName());
    header.put("recordIds", gap.recordIds());
    header.put("changeType", gap.changeType());
    header.put("changeOrigin", "");
    header.put("transactionKey", gap.transactionKey());
    header.put("sequenceNumber", 1);
    header.put("isTransactionEnd", true);
    header.put("commitTimestamp", gap.commitTimestamp().toEpochMilli());
    header.put("commitNumber", commitNumber);
    header.put("commitUser", gap.userId());
    header.put("changedFields", List.of());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(HEADER, header);
    return payload;
  }

  private Map<String, Object> header(ChangeEvent event, long commitNumber, List<String> changed) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", event.objectName());
    header.put("recordIds", List.of(event.recordId()));
    header.put("changeType", event.type().name());
    header.put("changeOrigin", changeOrigin(event));
    header.put("transactionKey", event.transactionKey());
    header.put("sequenceNumber", event.sequenceNumber());
    header.put("isTransactionEnd", event.transactionEnd());
    header.put("commitTimestamp", event.commitTimestamp().toEpochMilli());
    header.put("commitNumber", commitNumber);
    header.put("commitUser", event.userId());
    header.put("changedFields", changed);
    return header;
  }

  /** {@code com/salesforce/api/rest/60.0;client=pgforce}: how a sync recognises its own writes. */
  private String changeOrigin(ChangeEvent event) {
    String origin = "com/salesforce/api/rest/" + apiVersion;
    return event.clientId().map(client -> origin + ";client=" + client).orElse(origin);
  }

  /** Only updates list their fields; creates, deletes and undeletes leave the list empty. */
  private static List<String> changedFields(ChangeEvent event, CdcFieldLayout layout) {
    if (event.type() != ChangeType.UPDATE) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String field : event.changedFields()) {
      layout.slot(field).map(CdcFieldLayout.Slot::changedFieldName).ifPresent(names::add);
    }
    if (!names.contains(SystemFields.LAST_MODIFIED_DATE)) {
      names.add(SystemFields.LAST_MODIFIED_DATE);
    }
    return List.copyOf(names);
  }

  private static void fillUpdate(
      Map<String, Object> payload, ChangeEvent event, CdcFieldLayout layout) {
    fill(payload, event.newValues(), layout);
    // A write in the same second as the previous one leaves LastModifiedDate unchanged in the
    // store, but every UPDATE event carries it: it is the commit time.
    payload.putIfAbsent(SystemFields.LAST_MODIFIED_DATE, value(event.commitTimestamp()));
  }

  private static void fill(
      Map<String, Object> payload, Map<String, Object> values, CdcFieldLayout layout) {
    values.forEach(
        (name, raw) -> layout.slot(name).ifPresent(slot -> put(payload, slot, value(raw))));
  }

  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> payload, CdcFieldLayout.Slot slot, Object value) {
    if (slot.component() == null) {
      payload.put(slot.field(), value);
      return;
    }
    Object nested = payload.computeIfAbsent(slot.field(), k -> new LinkedHashMap<String, Object>());
    ((Map<String, Object>) nested).put(slot.component(), value);
  }

  /** A stored value as CDC's JSON writes it. */
  static Object value(Object raw) {
    if (raw instanceof Instant instant) {
      return DATETIME.format(instant);
    }
    if (raw instanceof LocalDate date) {
      return date.toString();
    }
    if (raw instanceof LocalTime time) {
      return TIME.format(time);
    }
    return raw;
  }

  private CdcFieldLayout layout(String objectName) {
    return layouts.computeIfAbsent(objectName, name -> CdcFieldLayout.of(require(name)));
  }

  private SObjectDefinition require(String objectName) {
    return schema.require(objectName);
  }
}
