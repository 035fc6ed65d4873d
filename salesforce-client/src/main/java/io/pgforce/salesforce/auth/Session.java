package io.pgforce.salesforce.auth;

import java.util.function.Supplier;

/**
 * The current access token, shared by every request of one client. When Salesforce rejects a token,
 * the first thread to notice logs in again; threads that noticed the same stale token reuse the new
 * one instead of logging in once each.
 */
public final class Session {

  private final Supplier<AccessToken> login;
  private AccessToken current;

  /** Logs in at once, so a wrong configuration fails here. */
  public Session(Supplier<AccessToken> login) {
    this.login = login;
    this.current = login.get();
  }

  public synchronized AccessToken current() {
    return current;
  }

  /**
   * Replaces {@code stale} with a new token, unless another thread already did.
   *
   * @return the token to use from now on
   */
  public synchronized AccessToken renew(AccessToken stale) {
    if (current == stale) {
      current = login.get();
    }
    return current;
  }
}
