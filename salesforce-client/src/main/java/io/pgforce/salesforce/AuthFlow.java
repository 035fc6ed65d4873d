package io.pgforce.salesforce;

/** The OAuth 2.0 flows the client can log in with, and what each needs from the configuration. */
public enum AuthFlow {
  /** Username and password (plus security token) of an integration user; no refresh token. */
  PASSWORD,
  /** The connected app's consumer key and secret, run as the app's "Run As" user (My Domain). */
  CLIENT_CREDENTIALS,
  /** A JWT signed with the private key whose certificate the connected app holds. */
  JWT_BEARER,
  /** A refresh token obtained once, interactively, for the connected app. */
  REFRESH_TOKEN
}
