package io.pgforce.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The sync schema ({@code salesforce} by default) and what it holds once, whatever is mapped:
 * {@code _hcmeta}, the trigger log and its archive, and the trigger functions the mapped tables
 * share.
 */
public final class SyncSchema {

  private static final String TEMPLATE = loadTemplate();

  private final String name;

  public SyncSchema(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The channel the trigger log notifies on insert, named as Heroku Connect names it. */
  public String notifyChannel() {
    return name + ".hc_trigger_log";
  }

  /** A quoted, schema-qualified name of a table in this schema. */
  public String table(String table) {
    return Sql.id(name, table);
  }

  /**
   * Creates or updates the shared objects. Safe to run on every start and from several instances at
   * once: an advisory lock serialises the DDL, which PostgreSQL's IF NOT EXISTS alone does not.
   */
  public void install(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      st.execute(
          "SELECT pg_advisory_xact_lock(hashtext(" + Sql.literal("pgforce.schema." + name) + "))");
      st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.id(name));
      String hstore = ensureHstore(st);
      st.execute(render(hstore));
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  /**
   * Finds the schema hstore is installed in, installing it if needed (hstore is a trusted
   * extension: a database owner may create it without superuser rights).
   */
  private String ensureHstore(Statement st) throws SQLException {
    Optional<String> existing = extensionSchema(st);
    if (existing.isPresent()) {
      return existing.get();
    }
    String target = schemaExists(st, "public") ? "public" : name;
    st.execute("CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA " + Sql.id(target));
    return target;
  }

  private static Optional<String> extensionSchema(Statement st) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT n.nspname FROM pg_catalog.pg_extension e"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'hstore'")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  private static boolean schemaExists(Statement st, String schema) throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = " + Sql.literal(schema))) {
      return rs.next();
    }
  }

  private String render(String hstoreSchema) {
    String quoted = Sql.id(name);
    return TEMPLATE
        .replace("{{schema_literal_text}}", Sql.literal(name))
        .replace("{{schema_literal}}", quoted.replace("'", "''"))
        .replace("{{schema}}", quoted)
        .replace("{{hstore}}", Sql.id(hstoreSchema));
  }

  private static String loadTemplate() {
    try (InputStream in = SyncSchema.class.getResourceAsStream("sync-schema.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("sync-schema.sql is missing from the engine jar", e);
    }
  }
}
