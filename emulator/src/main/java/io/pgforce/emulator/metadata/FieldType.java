package io.pgforce.emulator.metadata;

import java.util.Locale;
import java.util.Optional;

/** The field types the emulator supports, with the names describe reports for them. */
public enum FieldType {
  ID("tns:ID"),
  STRING("xsd:string"),
  TEXTAREA("xsd:string"),
  PICKLIST("xsd:string"),
  MULTIPICKLIST("xsd:string"),
  BOOLEAN("xsd:boolean"),
  INT("xsd:int"),
  DOUBLE("xsd:double"),
  CURRENCY("xsd:double"),
  PERCENT("xsd:double"),
  DATE("xsd:date"),
  DATETIME("xsd:dateTime"),
  TIME("xsd:time"),
  EMAIL("xsd:string"),
  PHONE("xsd:string"),
  URL("xsd:string"),
  REFERENCE("tns:ID"),
  /** A compound field (BillingAddress): read-only, computed from its component fields. */
  ADDRESS("urn:address");

  private final String soapType;

  FieldType(String soapType) {
    this.soapType = soapType;
  }

  /** The name in describe's {@code type}, e.g. {@code "datetime"}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name in describe's {@code soapType}, e.g. {@code "xsd:dateTime"}. */
  public String soapType() {
    return soapType;
  }

  /** Whether values are strings limited by a length (and compared case-insensitively in SOQL). */
  public boolean isText() {
    return switch (this) {
      case STRING, TEXTAREA, PICKLIST, MULTIPICKLIST, EMAIL, PHONE, URL -> true;
      default -> false;
    };
  }

  /** Whether values hold a record id. */
  public boolean isId() {
    return this == ID || this == REFERENCE;
  }

  /** Whether values are numbers with a precision and scale. */
  public boolean isDecimal() {
    return this == DOUBLE || this == CURRENCY || this == PERCENT;
  }

  /** Whether values are numbers of any kind. */
  public boolean isNumeric() {
    return isDecimal() || this == INT;
  }

  /** The type named {@code name} in describe's vocabulary, if it is one the emulator supports. */
  public static Optional<FieldType> fromApiName(String name) {
    for (FieldType type : values()) {
      if (type.apiName().equalsIgnoreCase(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
