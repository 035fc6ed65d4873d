package io.pgforce.emulator.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org's sessions. An access token looks like Salesforce's ({@code <15-char org id>!<opaque>})
 * and lives for a fixed lifetime from issue, so a test can make tokens expire by moving the clock
 * or by {@link #expireAll()}. Refresh tokens do not expire; they are the configured one plus any
 * added through {@link #addRefreshToken}.
 */
public final class Sessions {

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration lifetime;
  private final String orgId15;
  private final Map<String, Session> byToken = new ConcurrentHashMap<>();
  private final Map<String, String> userByRefreshToken = new ConcurrentHashMap<>();
  private final Set<String> refusedUsers = ConcurrentHashMap.newKeySet();

  public Sessions(Clock clock, Duration lifetime, String orgId) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.orgId15 = orgId.substring(0, 15);
  }

  /** A new session for {@code userId}. */
  public Session open(String userId) {
    Instant now = clock.instant();
    Session session = new Session(newToken(), userId, now, now.plus(lifetime));
    byToken.put(session.accessToken(), session);
    return session;
  }

  /** The live session for {@code token}; an expired one is forgotten. */
  public Optional<Session> find(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Session session = byToken.get(token);
    if (session != null && !clock.instant().isBefore(session.expiresAt())) {
      byToken.remove(token, session);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  /** Ends the access token's session, or forgets the refresh token; true when it was known. */
  public boolean revoke(String token) {
    return token != null
        && (byToken.remove(token) != null || userByRefreshToken.remove(token) != null);
  }

  /** Ends every access token's session now (refresh tokens stay valid). */
  public void expireAll() {
    byToken.clear();
  }

  public void addRefreshToken(String refreshToken, String userId) {
    userByRefreshToken.put(refreshToken, userId);
  }

  /** The user a refresh token acts for. */
  public Optional<String> userForRefreshToken(String refreshToken) {
    return Optional.ofNullable(refreshToken).map(userByRefreshToken::get);
  }

  /**
   * Refuses a user from now on, as Salesforce does when an admin freezes or deactivates the user or
   * revokes its connected app access: its sessions end at once (calls answer {@code 401
   * INVALID_SESSION_ID}) and every login as the user is refused, until {@link #restoreUser}.
   */
  public void refuseUser(String userId) {
    refusedUsers.add(userId);
    byToken.values().removeIf(s -> s.userId().equals(userId));
  }

  /** Lets a refused user log in again (existing refresh tokens work again too). */
  public void restoreUser(String userId) {
    refusedUsers.remove(userId);
  }

  /** Whether logins as this user are refused. */
  public boolean isRefused(String userId) {
    return refusedUsers.contains(userId);
  }

  /** Forgets every session and refresh token, and refuses no user. */
  public void clear() {
    byToken.clear();
    userByRefreshToken.clear();
    refusedUsers.clear();
  }

  public Duration lifetime() {
    return lifetime;
  }

  private String newToken() {
    byte[] bytes = new byte[72];
    random.nextBytes(bytes);
    String opaque = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return orgId15 + "!AQ" + opaque.replace('-', '.');
  }
}
