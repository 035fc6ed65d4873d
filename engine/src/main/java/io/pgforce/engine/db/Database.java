package io.pgforce.engine.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.pgforce.engine.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The sync's connection pool. Every connection is marked as the sync's ({@link SyncSession}) the
 * moment it opens, so no write pgforce makes can be logged as an application change.
 */
public final class Database implements AutoCloseable {

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  public static Database open(DatabaseUrl url, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(config::setUsername);
    url.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("pgforce");
    config.setConnectionInitSql(SyncSession.MARK);
    config.setConnectionTimeout(10_000);
    config.addDataSourceProperty("reWriteBatchedInserts", "true"); // multi-row INSERTs for batches
    config.addDataSourceProperty("ApplicationName", "pgforce");
    return new Database(new HikariDataSource(config));
  }

  public DataSource dataSource() {
    return pool;
  }

  public Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /** Runs work in one transaction on a pooled connection, committing only if it returns. */
  public <T> T inTransaction(SqlWork<T> work) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Work on a connection inside a transaction. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }
}
