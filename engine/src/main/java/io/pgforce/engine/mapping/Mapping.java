package io.pgforce.engine.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Salesforce object synced to one Postgres table, in Heroku Connect's terms.
 *
 * @param objectName the object's API name as Salesforce spells it ({@code Contact}, {@code
 *     Invoice__c})
 * @param fields field API names, distinct (ignoring case), in the order the table's columns take;
 *     always includes the fields the sync itself needs ({@link #SYSTEM_FIELDS})
 * @param indexes field API name to "unique?" for the indexes the operator asked for
 * @param upsertField an external id field used to match records without an sfid, if any
 */
public record Mapping(
    String objectName,
    Access access,
    boolean sfNotifyEnabled,
    int sfPollingSeconds,
    int sfMaxDailyApiCalls,
    List<String> fields,
    Map<String, Boolean> indexes,
    Optional<String> upsertField) {

  /** Heroku Connect's default polling interval for a mapping, in seconds. */
  public static final int DEFAULT_POLLING_SECONDS = 600;

  /** Heroku Connect's default daily API call budget for a mapping. */
  public static final int DEFAULT_MAX_DAILY_API_CALLS = 30000;

  /**
   * Fields every mapping syncs whether or not the operator listed them: the sync matches rows by
   * Id, follows changes by SystemModstamp and removes rows by IsDeleted.
   */
  public static final List<String> SYSTEM_FIELDS = List.of("Id", "IsDeleted", "SystemModstamp");

  public Mapping {
    if (objectName == null || objectName.isBlank()) {
      throw new IllegalArgumentException("a mapping needs an object_name");
    }
    fields = withSystemFields(fields);
    indexes = Map.copyOf(indexes);
  }

  /** The Postgres table name: the object's API name in lower case, as Heroku Connect names it. */
  public String tableName() {
    return objectName.toLowerCase(Locale.ROOT);
  }

  public boolean isReadWrite() {
    return access == Access.READ_WRITE;
  }

  /** A copy with other fields, for adding a field to a running mapping. */
  public Mapping withFields(Collection<String> newFields) {
    return new Mapping(
        objectName,
        access,
        sfNotifyEnabled,
        sfPollingSeconds,
        sfMaxDailyApiCalls,
        List.copyOf(newFields),
        indexes,
        upsertField);
  }

  private static List<String> withSystemFields(Collection<String> listed) {
    Map<String, String> byLowerName = new LinkedHashMap<>();
    for (String f : SYSTEM_FIELDS) {
      byLowerName.put(f.toLowerCase(Locale.ROOT), f);
    }
    for (String f : listed) {
      byLowerName.putIfAbsent(f.toLowerCase(Locale.ROOT), f);
    }
    return List.copyOf(new ArrayList<>(byLowerName.values()));
  }
}
