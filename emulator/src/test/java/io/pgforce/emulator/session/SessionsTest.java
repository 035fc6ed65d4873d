package io.pgforce.emulator.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionsTest {

  private static final String ORG = "00D5p0000000001EAA";
  private final MutableClock clock = MutableClock.at("2024-01-01T00:00:00Z");
  private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(5), ORG);

  @Test
  void tokensLookLikeSalesforcesAndAreUnique() {
    Session a = sessions.open("005x");
    Session b = sessions.open("005x");
    assertThat(a.accessToken()).startsWith("00D5p0000000001!").doesNotContain(" ");
    assertThat(a.accessToken()).isNotEqualTo(b.accessToken());
    assertThat(a.toString()).doesNotContain(a.accessToken());
  }

  @Test
  void tokensExpireAfterTheLifetime() {
    Session session = sessions.open("005x");
    clock.advance(Duration.ofMinutes(5).minusSeconds(1));
    assertThat(sessions.find(session.accessToken())).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sessions.find(session.accessToken())).isEmpty();
  }

  @Test
  void expireAllEndsSessionsButKeepsRefreshTokens() {
    Session session = sessions.open("005x");
    sessions.addRefreshToken("refresh", "005x");
    sessions.expireAll();
    assertThat(sessions.find(session.accessToken())).isEmpty();
    assertThat(sessions.userForRefreshToken("refresh")).contains("005x");
  }

  @Test
  void revokeForgetsAccessAndRefreshTokens() {
    Session session = sessions.open("005x");
    sessions.addRefreshToken("refresh", "005x");
    assertThat(sessions.revoke(session.accessToken())).isTrue();
    assertThat(sessions.revoke("refresh")).isTrue();
    assertThat(sessions.revoke("unknown")).isFalse();
    assertThat(sessions.find(session.accessToken())).isEmpty();
    assertThat(sessions.userForRefreshToken("refresh")).isEmpty();
    assertThat(sessions.find(null)).isEmpty();
  }
}
