package io.pgforce.engine.schema;

/** One synced column: where its value comes from in Salesforce and its Postgres type. */
public record Column(String name, String sqlType, SfField field) {

  static Column of(SfField field) {
    return new Column(field.columnName(), ColumnTypes.of(field), field);
  }

  /** The field's API name, used in SOQL. */
  public String apiName() {
    return field.name();
  }
}
