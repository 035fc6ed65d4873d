package io.pgforce.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionTest {

  private final AtomicInteger logins = new AtomicInteger();
  private final Session session = new Session(this::login);

  private AccessToken login() {
    int n = logins.incrementAndGet();
    return new AccessToken(
        "token-" + n, "https://na1.salesforce.com", "id", "00D", "005", Optional.empty());
  }

  @Test
  void logsInWhenCreated() {
    assertThat(logins).hasValue(1);
    assertThat(session.current().token()).isEqualTo("token-1");
  }

  @Test
  void renewsAStaleTokenOnlyOnce() {
    AccessToken stale = session.current();

    AccessToken first = session.renew(stale);
    AccessToken second = session.renew(stale);

    assertThat(first.token()).isEqualTo("token-2");
    assertThat(second).isSameAs(first);
    assertThat(logins).hasValue(2);
  }
}
