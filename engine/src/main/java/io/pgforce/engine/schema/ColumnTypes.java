package io.pgforce.engine.schema;

/**
 * Heroku Connect's type map, as seen in dumps of real Heroku Connect databases: ids and references
 * {@code varchar(18)}, numbers {@code double precision}, datetimes {@code timestamp} in UTC without
 * a zone, text {@code varchar(n)}, long text {@code text}.
 */
public final class ColumnTypes {

  /** Text areas longer than this are long text areas, stored as {@code text}. */
  static final int LONG_TEXT_THRESHOLD = 255;

  private ColumnTypes() {}

  /** The Postgres column type for a field. */
  public static String of(SfField f) {
    return switch (f.type()) {
      case "id", "reference" -> "varchar(18)";
      case "boolean" -> "boolean";
      case "double", "currency", "percent" -> "double precision";
      case "int" -> "integer";
      case "long" -> "bigint";
      case "date" -> "date";
      case "datetime" -> "timestamp";
      case "time" -> "time";
      case "picklist" -> "varchar(255)";
      case "multipicklist" -> "varchar(4099)";
      case "textarea" -> f.length() > LONG_TEXT_THRESHOLD ? "text" : varchar(f.length());
      case "string", "email", "phone", "url", "combobox", "encryptedstring" -> varchar(f.length());
      default -> "text"; // base64, anyType, json, and types Salesforce adds later
    };
  }

  private static String varchar(int length) {
    return length > 0 ? "varchar(" + length + ")" : "text";
  }
}
