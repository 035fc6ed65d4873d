package io.pgforce.salesforce.bulk;

/** Bulk API 2.0 ingest operations, with the names the API uses. */
public enum Operation {
  INSERT("insert"),
  UPDATE("update"),
  UPSERT("upsert"),
  DELETE("delete"),
  /** Deletes without the Recycle Bin; the user needs the "Bulk API Hard Delete" permission. */
  HARD_DELETE("hardDelete");

  private final String apiName;

  Operation(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
