package io.pgforce.app.demo;

import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.engine.config.ConfigLoader;
import io.pgforce.engine.config.PgforceConfig;
import java.util.Map;

/**
 * The pgforce.yml the demo runs with, written out so a reader can copy it: the emulator's
 * credentials, the database, the dashboard's port and three mappings. Account and Contact are
 * read-write, Opportunity read-only; all accelerated by Change Data Capture, and polled every 30
 * seconds (Heroku Connect's floor is 2 minutes; a demo should not make anyone wait).
 */
final class DemoConfig {

  private DemoConfig() {}

  static String yaml(String loginUrl, EmulatorConfig org, String databaseUrl, int adminPort) {
    return """
        salesforce:
          login-url: %s
          username: %s
          password: %s
          client-id: %s
          client-secret: %s
        database:
          url: "%s"
        admin:
          port: %d
        sync:
          settle-seconds: 1
          poll-overlap-seconds: 5
        mappings:
          - object_name: Account
            config:
              access: read_write
              sf_notify_enabled: true
              sf_polling_seconds: 30
              fields: {Name: {}, AccountNumber: {}, Industry: {}, Phone: {}, BillingCity: {}, AnnualRevenue: {}}
          - object_name: Contact
            config:
              access: read_write
              sf_notify_enabled: true
              sf_polling_seconds: 30
              fields: {FirstName: {}, LastName: {}, Email: {}, Phone: {}, AccountId: {}}
          - object_name: Opportunity
            config:
              access: read_only
              sf_notify_enabled: true
              sf_polling_seconds: 30
              fields: {Name: {}, StageName: {}, Amount: {}, CloseDate: {}, AccountId: {}}
        """
        .formatted(
            loginUrl,
            org.username(),
            org.password(),
            org.clientId(),
            org.clientSecret(),
            databaseUrl,
            adminPort);
  }

  /**
   * The configuration, read without the environment: a PGFORCE_* or DATABASE_URL variable set for a
   * real deployment must not point the demo at it.
   */
  static PgforceConfig load(String yaml) {
    return ConfigLoader.fromYaml(yaml, Map.of());
  }
}
