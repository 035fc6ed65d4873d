package io.pgforce.engine.config;

/** How pgforce logs in to Salesforce; spelled in pgforce.yml as {@code password}, {@code jwt}... */
public enum AuthFlow {
  /** Username and password (plus security token) of an integration user. */
  PASSWORD,
  /** A connected app's own credentials (needs a My Domain login URL). */
  CLIENT_CREDENTIALS,
  /** A signed JWT from a private key whose certificate the connected app holds. */
  JWT,
  /** A refresh token issued to the connected app earlier. */
  REFRESH_TOKEN
}
