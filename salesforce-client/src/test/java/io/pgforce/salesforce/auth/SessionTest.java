package io.pgforce.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.salesforce.error.SalesforceAuthException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionTest {

  private final AtomicInteger logins = new AtomicInteger();
  private final Session session = new Session(this::login);

  private volatile boolean refused;

  private AccessToken login() {
    if (refused) {
      throw new SalesforceAuthException(400, "invalid_grant", "authentication failure");
    }
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

  @Test
  void remembersARefusedLoginUntilOneSucceeds() {
    assertThat(session.refusal()).isEmpty();
    refused = true;

    assertThatThrownBy(() -> session.renew(session.current()))
        .isInstanceOf(SalesforceAuthException.class);
    assertThat(session.refusal()).get().extracting(e -> e.errorCode()).isEqualTo("invalid_grant");

    refused = false;
    assertThat(session.renew(session.current()).token()).isEqualTo("token-2");
    assertThat(session.refusal()).isEmpty();
  }
}
