/**
 * Logging in with OAuth 2.0 (password, client credentials, JWT bearer, refresh token) and keeping a
 * session: the current access token, renewed once when Salesforce answers {@code 401
 * INVALID_SESSION_ID}, and sent with every request of {@link
 * io.pgforce.salesforce.auth.SessionTransport}.
 *
 * <p>Secrets (passwords, client secrets, refresh tokens, access tokens, the private key) are never
 * logged and never appear in a {@code toString()}.
 */
package io.pgforce.salesforce.auth;
