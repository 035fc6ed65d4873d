package io.pgforce.testkit;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an external test server is, read from {@code PGFORCE_TEST_DATABASE_URL}. Accepts both
 * {@code postgres://user:password@host:port/db} and {@code jdbc:postgresql://host:port/db?user=..}.
 */
record ServerAddress(String host, int port, String adminDatabase, String user, String password) {

  static ServerAddress parse(String url) {
    String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    URI uri = URI.create(plain.replaceFirst("^postgresql://", "postgres://"));
    if (!"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "PGFORCE_TEST_DATABASE_URL must look like postgres://user:password@host:5432/postgres"
              + " or jdbc:postgresql://host:5432/postgres?user=u&password=p, got a URL without"
              + " a postgres scheme or host");
    }
    String[] userInfo = decode(uri.getUserInfo()).split(":", 2);
    String user = queryParam(uri, "user", userInfo[0].isEmpty() ? "postgres" : userInfo[0]);
    String password = queryParam(uri, "password", userInfo.length > 1 ? userInfo[1] : null);
    String db =
        uri.getPath() == null || uri.getPath().length() <= 1
            ? "postgres"
            : uri.getPath().substring(1);
    return new ServerAddress(
        uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), db, user, password);
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  private static String queryParam(URI uri, String name, String fallback) {
    if (uri.getRawQuery() == null) {
      return fallback;
    }
    for (String pair : uri.getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv[0].equals(name) && kv.length == 2) {
        return decode(kv[1]);
      }
    }
    return fallback;
  }

  private static String decode(String s) {
    return s == null ? "" : URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
