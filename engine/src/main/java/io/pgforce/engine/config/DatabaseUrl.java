package io.pgforce.engine.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A PostgreSQL location as JDBC wants it, read from either a libpq URL ({@code
 * postgres://user:password@host:5432/db?sslmode=require}, as Heroku's DATABASE_URL is) or a JDBC
 * URL. {@link #toString()} hides the password.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

  public static DatabaseUrl parse(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(url, Optional.empty(), Optional.empty());
    }
    if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "must be postgres://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
    }
    URI uri = URI.create(url);
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "has no host; expected postgres://user:password@host:5432/database");
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
    String[] userInfo =
        uri.getRawUserInfo() == null ? new String[0] : uri.getRawUserInfo().split(":", 2);
    return new DatabaseUrl(jdbc, part(userInfo, 0), part(userInfo, 1));
  }

  private static Optional<String> part(String[] parts, int i) {
    return parts.length > i
        ? Optional.of(URLDecoder.decode(parts[i], StandardCharsets.UTF_8))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return jdbcUrl
        + user.map(u -> " as " + u).orElse("")
        + password.map(p -> " (password set)").orElse("");
  }
}
