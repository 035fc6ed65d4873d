package io.pgforce.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

  @Test
  void readsLibpqUrls() {
    ServerAddress a = ServerAddress.parse("postgres://alice:s%40cret@db.local:6543/admin");
    assertThat(a).isEqualTo(new ServerAddress("db.local", 6543, "admin", "alice", "s@cret"));
    assertThat(a.jdbcUrl("t1")).isEqualTo("jdbc:postgresql://db.local:6543/t1");
  }

  @Test
  void readsJdbcUrlsWithCredentialsInTheQuery() {
    ServerAddress a =
        ServerAddress.parse("jdbc:postgresql://localhost/postgres?user=bob&password=pw");
    assertThat(a).isEqualTo(new ServerAddress("localhost", 5432, "postgres", "bob", "pw"));
  }

  @Test
  void rejectsOtherSchemesWithAnExample() {
    assertThatThrownBy(() -> ServerAddress.parse("mysql://localhost/x"))
        .hasMessageContaining("postgres://user:password@host:5432/postgres");
  }
}
