package io.pgforce.engine.schema;

/** Quoting for values built into SOQL text. */
public final class Soql {

  private Soql() {}

  /**
   * A quoted SOQL string literal, with SOQL's escape sequences for quotes, backslashes and breaks.
   */
  public static String literal(String value) {
    StringBuilder sb = new StringBuilder("'");
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '\'' -> sb.append("\\'");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        default -> sb.append(ch);
      }
    }
    return sb.append('\'').toString();
  }
}
