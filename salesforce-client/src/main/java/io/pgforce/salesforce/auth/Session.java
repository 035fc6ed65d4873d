package io.pgforce.salesforce.auth;

import io.pgforce.salesforce.error.SalesforceAuthException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The current access token, shared by every request of one client. When Salesforce rejects a token,
 * the first thread to notice logs in again; threads that noticed the same stale token reuse the new
 * one instead of logging in once each.
 */
public final class Session {

  private final Supplier<AccessToken> login;
  private AccessToken current;
  private volatile SalesforceAuthException refusal;

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
      current = loginRemembering();
    }
    return current;
  }

  /**
   * Why Salesforce refused the latest attempt to log in again, until one succeeds: a frozen or
   * deactivated user, a changed password, a revoked connected app. Lets a daemon show that its
   * connection needs the operator rather than a retry.
   */
  public Optional<SalesforceAuthException> refusal() {
    return Optional.ofNullable(refusal);
  }

  private AccessToken loginRemembering() {
    try {
      AccessToken token = login.get();
      refusal = null;
      return token;
    } catch (SalesforceAuthException e) {
      refusal = e;
      throw e;
    }
  }
}
