package io.pgforce.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** One database on the test server, owned by one test class. */
public record TestDatabase(String jdbcUrl, String user, String password, String name) {

  /** Opens a new connection; the caller closes it. */
  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    if (password != null) {
      props.setProperty("password", password);
    }
    return DriverManager.getConnection(jdbcUrl, props);
  }

  /** A plain (unpooled) data source for code under test that wants one. */
  public DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    ds.setUser(user);
    ds.setPassword(password);
    return ds;
  }

  /** Runs one or more statements and returns nothing; for test setup. */
  public void execute(String sql) throws SQLException {
    try (Connection c = connect();
        var st = c.createStatement()) {
      st.execute(sql);
    }
  }

  /** The URL in the {@code postgres://user:password@host:port/db} form libpq and psql accept. */
  public String libpqUrl() {
    String hostAndDb = jdbcUrl.substring("jdbc:postgresql://".length()).split("\\?")[0];
    String credentials = password == null ? user : user + ":" + password;
    return "postgres://" + credentials + "@" + hostAndDb;
  }
}
