package io.pgforce.emulator.soql;

import io.pgforce.emulator.errors.ApiError;
import io.pgforce.emulator.errors.SalesforceException;

/**
 * Query errors in Salesforce's shape: the offending line, a caret under the column, {@code ERROR at
 * Row:R:Column:C}, then the reason, each on its own line after a leading newline.
 */
public final class SoqlErrors {

  private SoqlErrors() {}

  public static SalesforceException malformed(String text, SourcePosition at, String reason) {
    return error("MALFORMED_QUERY", text, at, reason);
  }

  public static SalesforceException invalidField(String text, SourcePosition at, String reason) {
    return error("INVALID_FIELD", text, at, reason);
  }

  static SalesforceException noSuchColumn(String text, FieldRef ref, String field, String object) {
    return invalidField(
        text,
        ref.position(),
        "No such column '"
            + field
            + "' on entity '"
            + object
            + "'. If you are attempting to use a custom field, be sure to append the '__c' after"
            + " the custom field name. Please reference your WSDL or the describe call for the"
            + " appropriate names.");
  }

  static SalesforceException unknownRelationship(String text, FieldRef ref, String relationship) {
    return invalidField(
        text,
        ref.position(),
        "Didn't understand relationship '"
            + relationship
            + "' in field path. If you are attempting to use a custom relationship, be sure to"
            + " append the '__r' after the custom relationship name. Please reference your WSDL or"
            + " the describe call for the appropriate names.");
  }

  static SalesforceException invalidType(String text, SourcePosition at, String object) {
    return error(
        "INVALID_TYPE",
        text,
        at,
        "sObject type '"
            + object
            + "' is not supported. If you are attempting to use a custom object, be sure to append"
            + " the '__c' after the entity name. Please reference your WSDL or the describe call"
            + " for the appropriate names.");
  }

  static SalesforceException unsupported(String text, SourcePosition at, String feature) {
    return malformed(text, at, feature + " is not supported by the pgforce emulator");
  }

  static SalesforceException error(String code, String text, SourcePosition at, String reason) {
    return new SalesforceException(400, ApiError.withoutFields(code, located(text, at, reason)));
  }

  /** The message with the query line, the caret and the position, as Salesforce writes it. */
  static String located(String text, SourcePosition at, String reason) {
    String[] lines = text.split("\n", -1);
    String line = at.row() - 1 < lines.length ? lines[at.row() - 1] : "";
    return "\n"
        + line
        + "\n"
        + " ".repeat(Math.max(0, at.column() - 1))
        + "^\nERROR at Row:"
        + at.row()
        + ":Column:"
        + at.column()
        + "\n"
        + reason;
  }
}
