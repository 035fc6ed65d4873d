package io.pgforce.engine.schema;

/** Quoting for identifiers and literals built into SQL text; nothing reaches SQL unquoted. */
public final class Sql {

  private Sql() {}

  /** A quoted identifier: {@code a"b} becomes {@code "a""b"}. */
  public static String id(String identifier) {
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an identifier cannot hold a NUL character");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A schema-qualified, quoted name. */
  public static String id(String schema, String name) {
    return id(schema) + "." + id(name);
  }

  /** A quoted string literal, for the few places (DDL) that cannot take a bind parameter. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
