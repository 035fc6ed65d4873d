package io.pgforce.emulator.metadata;

/** The API names of the fields the platform maintains on every record. */
public final class SystemFields {

  public static final String ID = "Id";
  public static final String IS_DELETED = "IsDeleted";
  public static final String OWNER_ID = "OwnerId";
  public static final String CREATED_DATE = "CreatedDate";
  public static final String CREATED_BY_ID = "CreatedById";
  public static final String LAST_MODIFIED_DATE = "LastModifiedDate";
  public static final String LAST_MODIFIED_BY_ID = "LastModifiedById";
  public static final String SYSTEM_MODSTAMP = "SystemModstamp";

  private SystemFields() {}
}
