package io.pgforce.engine;

import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.DatabaseUrl;
import io.pgforce.engine.config.PgforceConfig;
import io.pgforce.engine.mapping.Mapping;
import io.pgforce.engine.schema.ClosestName;
import io.pgforce.engine.schema.ObjectSchemas;
import io.pgforce.engine.schema.TableDefinition;
import io.pgforce.salesforce.SalesforceClient;
import io.pgforce.salesforce.error.SalesforceException;
import io.pgforce.salesforce.rest.SObjectSummary;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
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
                + ")"
                + closestObject(salesforce, m.objectName())
                + "; check the object's API name (custom objects end in '__c') and that the"
                + " integration user's profile or permission sets can read it");
      }
    }
  }

  /** A hint naming the org's object closest to a name it does not have; one call, only then. */
  private static String closestObject(SalesforceClient salesforce, String objectName) {
    try {
      List<String> names = salesforce.describeGlobal().stream().map(SObjectSummary::name).toList();
      return ClosestName.hint(objectName, names);
    } catch (SalesforceException e) {
      return ""; // the hint is a courtesy: without it the problem is still named
    }
  }
}
