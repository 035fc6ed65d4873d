package io.pgforce.app.convergence;

import io.pgforce.testkit.PostgresServer;
import io.pgforce.testkit.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The run's database, which a fault may restart. The shared test server must not be restarted
 * (other test classes use it), so the run starts its own embedded PostgreSQL on a fixed data
 * directory and port and stops and starts that. Against {@code PGFORCE_TEST_DATABASE_URL} only, it
 * cannot restart the server and instead terminates every connection of the engine, which is what a
 * restart looks like from the engine's side; {@link #restartMode()} says which one happened.
 */
abstract class RestartablePostgres implements AutoCloseable {

  /** Embedded when the harness may start servers, otherwise the given test database. */
  static RestartablePostgres start(Path dataDirectory) throws IOException {
    String url = System.getenv(PostgresServer.URL_VARIABLE);
    if (url != null && !url.isBlank()) {
      return new Terminating(PostgresServer.get().createDatabase("convergence"));
    }
    return new Embedded(dataDirectory, io.pgforce.app.DaemonConfigs.freePort());
  }

  /** {@code postgres://...}, for pgforce.yml. */
  abstract String libpqUrl();

  abstract Connection connect() throws SQLException;

  /** Restarts the server, or cuts the engine's connections where that is not possible. */
  abstract void restart() throws Exception;

  /** {@code restart} or {@code terminate-backends}, for the verdict. */
  abstract String restartMode();

  /** A server of the run's own: a real stop and start, data kept. */
  private static final class Embedded extends RestartablePostgres {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    Embedded(Path dataDirectory, int port) throws IOException {
      this.dataDirectory = dataDirectory;
      this.port = port;
      this.server = boot();
    }

    private EmbeddedPostgres boot() throws IOException {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false) // a restart must find the data where it left it
          .setPort(port)
          .setServerConfig("max_connections", "100")
          .setServerConfig("fsync", "off") // thrown away after the run; a clean stop still flushes
          .setServerConfig("synchronous_commit", "off")
          .start();
    }

    @Override
    String libpqUrl() {
      return "postgres://postgres@localhost:" + port + "/postgres";
    }

    @Override
    Connection connect() throws SQLException {
      return DriverManager.getConnection(
          "jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=5", "postgres", null);
    }

    @Override
    synchronized void restart() throws IOException {
      server.close();
      server = boot();
    }

    @Override
    String restartMode() {
      return "restart";
    }

    @Override
    public synchronized void close() throws IOException {
      server.close();
    }
  }

  /** A database on a server the run does not own: restarts are simulated. */
  private static final class Terminating extends RestartablePostgres {
    private final TestDatabase db;

    Terminating(TestDatabase db) {
      this.db = db;
    }

    @Override
    String libpqUrl() {
      return db.libpqUrl();
    }

    @Override
    Connection connect() throws SQLException {
      return db.connect();
    }

    @Override
    void restart() throws SQLException {
      db.execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
    }

    @Override
    String restartMode() {
      return "terminate-backends";
    }

    @Override
    public void close() {
      PostgresServer.get().dropDatabase(db);
    }
  }
}
