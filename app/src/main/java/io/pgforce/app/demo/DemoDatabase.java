package io.pgforce.app.demo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's PostgreSQL: the one given by URL, or an embedded PostgreSQL 17 whose data lives in a
 * temporary directory and is gone when the demo stops.
 */
final class DemoDatabase implements AutoCloseable {

  private final String url;
  private final EmbeddedPostgres embedded;

  private DemoDatabase(String url, EmbeddedPostgres embedded) {
    this.url = url;
    this.embedded = embedded;
  }

  static DemoDatabase external(String url) {
    return new DemoDatabase(url, null);
  }

  static DemoDatabase embedded() {
    try {
      Path dir = Files.createTempDirectory("pgforce-demo-pg");
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(true)
              // stopped by close(), after the daemon: its own hook would race the daemon's shutdown
              .setRegisterShutdownHook(false)
              .setServerConfig("max_connections", "100")
              .start();
      return new DemoDatabase("postgres://postgres@localhost:" + pg.getPort() + "/postgres", pg);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded PostgreSQL (" + e.getMessage() + "); give --database-url", e);
    }
  }

  /** A {@code postgres://} URL, as psql and pgforce.yml take it. */
  String url() {
    return url;
  }

  boolean isEmbedded() {
    return embedded != null;
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
