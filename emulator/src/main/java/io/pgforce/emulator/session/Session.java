package io.pgforce.emulator.session;

import java.time.Instant;

/**
 * An access token and whom it acts for.
 *
 * @param accessToken the bearer token; never logged
 * @param userId the user the session acts as
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being accepted
 */
public record Session(String accessToken, String userId, Instant issuedAt, Instant expiresAt) {

  @Override
  public String toString() {
    return "Session[userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
