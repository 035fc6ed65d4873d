package io.pgforce.engine.schema;

/** An index Heroku Connect's naming puts on a synced table: {@code hc_idx_} or {@code hcu_idx_}. */
public record IndexDefinition(String table, String column, boolean unique) {

  public String name() {
    return (unique ? "hcu_idx_" : "hc_idx_") + table + "_" + column;
  }

  public String createSql(String schema) {
    return "CREATE "
        + (unique ? "UNIQUE " : "")
        + "INDEX IF NOT EXISTS "
        + Sql.id(name())
        + " ON "
        + Sql.id(schema, table)
        + " ("
        + Sql.id(column)
        + ")";
  }
}
