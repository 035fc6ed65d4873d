package io.pgforce.app.admin;

import io.pgforce.engine.config.ConfigKeys;
import io.pgforce.engine.config.PgforceConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the admin server listens and the token it asks for. A token is required whenever one is
 * configured, and always when the server is reachable from other machines.
 */
public record AdminSettings(String host, int port, Optional<String> token) {

  public AdminSettings {
    if (token.isEmpty() && !isLoopback(host)) {
      throw new IllegalArgumentException(
          "admin.host "
              + host
              + " is reachable from other machines; set admin.token so the admin API is not open"
              + " to the network");
    }
  }

  public static AdminSettings from(PgforceConfig config) {
    return new AdminSettings(
        config.require(ConfigKeys.ADMIN_HOST),
        config.require(ConfigKeys.ADMIN_PORT),
        config.get(ConfigKeys.ADMIN_TOKEN));
  }

  /** Localhost on a port, without a token: the demo's and the tests' settings. */
  public static AdminSettings local(int port) {
    return new AdminSettings("127.0.0.1", port, Optional.empty());
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Hides the token, so logging the settings never prints it. */
  @Override
  public String toString() {
    return "AdminSettings[host="
        + host
        + ", port="
        + port
        + ", token="
        + (token.isPresent() ? "***" : "none")
        + "]";
  }
}
