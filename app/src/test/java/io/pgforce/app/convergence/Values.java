package io.pgforce.app.convergence;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One text form for a value from either side, so Salesforce's JSON and PostgreSQL's columns compare
 * equal when they mean the same: numbers without trailing zeros, dates as ISO text, booleans as
 * true/false, null as null.
 */
final class Values {

  private Values() {}

  /** A Java value (as written, or as read through JDBC) in its comparable form. */
  static String canonical(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      return number(new BigDecimal(n.toString()));
    }
    return value.toString(); // String, Boolean, java.sql.Date and LocalDate print as wanted
  }

  /** A field of a Salesforce JSON record in its comparable form. */
  static String canonical(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return number(node.decimalValue());
    }
    return node.asText();
  }

  private static String number(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
