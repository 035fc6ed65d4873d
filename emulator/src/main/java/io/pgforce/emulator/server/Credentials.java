package io.pgforce.emulator.server;

import java.security.PublicKey;
import java.util.Optional;

/**
 * What clients authenticate with: the one user's login, the connected app's key and secret, the
 * refresh token the org accepts, and the public key JWT bearer assertions must be signed for.
 * Passwords, secrets and tokens are never logged.
 *
 * @param username the login name
 * @param password the password
 * @param clientId the connected app's consumer key
 * @param clientSecret the connected app's consumer secret
 * @param refreshToken a refresh token valid from the start
 * @param jwtKey the key JWT bearer assertions are checked against, if configured
 */
public record Credentials(
    String username,
    String password,
    String clientId,
    String clientSecret,
    String refreshToken,
    Optional<PublicKey> jwtKey) {

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", clientId=" + clientId + "]";
  }
}
