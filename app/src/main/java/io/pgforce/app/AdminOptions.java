package io.pgforce.app;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the running daemon's admin API is. The token comes from the environment only, so it never
 * shows in the process list or the shell history.
 */
final class AdminOptions {

  static final String TOKEN_VARIABLE = "PGFORCE_ADMIN_TOKEN";

  @Option(
      names = "--admin-url",
      defaultValue = "${env:PGFORCE_ADMIN_URL:-http://127.0.0.1:8080}",
      description =
          "The daemon's admin API (default: ${DEFAULT-VALUE}; env PGFORCE_ADMIN_URL). Its token is"
              + " read from PGFORCE_ADMIN_TOKEN.")
  String url;

  AdminClient client() {
    return new AdminClient(url, Optional.ofNullable(System.getenv(TOKEN_VARIABLE)));
  }
}
