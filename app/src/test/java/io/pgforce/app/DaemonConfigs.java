package io.pgforce.app;

import io.pgforce.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Pieces of the pgforce.yml that tests running the daemon write: where the org and database are.
 */
public final class DaemonConfigs {

  private DaemonConfigs() {}

  /** The {@code salesforce:} and {@code database:} sections for an emulated org and a database. */
  public static String connection(Emulator org, String databaseUrl) {
    return """
        salesforce: {login-url: "%s", username: "%s", password: "%s", client-id: "%s", client-secret: "%s"}
        database: {url: "%s"}
        """
        .formatted(
            org.baseUrl(),
            org.config().username(),
            org.config().password(),
            org.config().clientId(),
            org.config().clientSecret(),
            databaseUrl)
        .stripTrailing();
  }

  /** A port nothing listens on now, for the daemon's admin API. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
