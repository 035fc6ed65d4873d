package io.pgforce.engine;

import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.engine.config.PgforceConfig;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.schema.ObjectSchemas;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.error.SalesforceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Checks, before anything starts, that the database answers, the org accepts the login, and every
 * mapping names an object and fields the org has. Every problem is reported at once.
 */
public final class Preflight {

  private static final int DATABASE_TIMEOUT_SECONDS = 10;

  private Preflight() {}

  /** Checks the database; the Salesforce side is checked by {@link #checkMappings}. */
  public static void checkDatabase(PgforceConfig config, Problems problems) {
    DatabaseUrl url = config.database();
    Properties props = new Properties();
    url.user().ifPresent(u -> props.setProperty("user", u));
    url.password().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("connectTimeout", String.valueOf(DATABASE_TIMEOUT_SECONDS));
    try (Connection c = DriverManager.getConnection(url.jdbcUrl(), props)) {
      c.isValid(DATABASE_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      problems.add(
          ConfigKeys.DATABASE_URL.path(), "cannot connect to " + url + ": " + e.getMessage());
    }
  }

  /** Resolves every mapping against the org's describe, noting unknown objects and fields. */
  public static void checkMappings(
      PgforceConfig config, SalesforceClient salesforce, Problems problems) {
    for (Mapping m : config.mappings().mappings()) {
      try {
        TableDefinition.resolve(
            m, ObjectSchemas.from(salesforce.describe(m.objectName())), problems);
      } catch (SalesforceException e) {
        problems.add(
            "mapping " + m.objectName(),
            "sObject type '"
                + m.objectName()
                + "' is not available in the org ("
                + e.errorCode()
                + "); check the object's API name and the user's access");
      }
    }
  }
}
