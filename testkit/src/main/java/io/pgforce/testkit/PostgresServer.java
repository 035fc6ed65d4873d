package io.pgforce.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server of this JVM: started on first use, stopped by a shutdown hook. Each
 * caller asks it for a fresh database so test classes never see each other's tables.
 */
public final class PostgresServer {

  /** Overrides the embedded server with an existing one; see {@link ServerAddress}. */
  public static final String URL_VARIABLE = "PGFORCE_TEST_DATABASE_URL";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile PostgresServer instance;

  private final ServerAddress address;
  private final EmbeddedPostgres embedded; // null when an external server is used

  private PostgresServer(ServerAddress address, EmbeddedPostgres embedded) {
    this.address = address;
    this.embedded = embedded;
  }

  /** The shared server, started on the first call. */
  public static PostgresServer get() {
    if (instance == null) {
      synchronized (PostgresServer.class) {
        if (instance == null) {
          instance = start();
        }
      }
    }
    return instance;
  }

  private static PostgresServer start() {
    String url = System.getenv(URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new PostgresServer(ServerAddress.parse(url), null);
    }
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setServerConfig("max_connections", "300")
              .setServerConfig("fsync", "off") // test data is thrown away; durability buys nothing
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .start();
      ServerAddress address =
          new ServerAddress("localhost", pg.getPort(), "postgres", "postgres", null);
      return new PostgresServer(address, pg);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Creates a new, empty database whose name starts with {@code prefix}. */
  public TestDatabase createDatabase(String prefix) {
    String name =
        sanitize(prefix) + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    adminExecute("CREATE DATABASE \"" + name + "\"");
    return new TestDatabase(address.jdbcUrl(name), address.user(), address.password(), name);
  }

  /** Drops a database made by {@link #createDatabase}, closing any connection still open to it. */
  public void dropDatabase(TestDatabase db) {
    adminExecute("DROP DATABASE IF EXISTS \"" + db.name() + "\" WITH (FORCE)");
  }

  /** True when the harness started its own server rather than using {@link #URL_VARIABLE}. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  private void adminExecute(String sql) {
    Properties props = new Properties();
    props.setProperty("user", address.user());
    if (address.password() != null) {
      props.setProperty("password", address.password());
    }
    try (Connection c =
            DriverManager.getConnection(address.jdbcUrl(address.adminDatabase()), props);
        var st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Test server refused '" + sql + "': " + e.getMessage(), e);
    }
  }

  private static String sanitize(String prefix) {
    String lower = prefix.toLowerCase().replaceAll("[^a-z0-9]+", "_");
    return lower.length() > 40 ? lower.substring(lower.length() - 40) : lower;
  }
}
