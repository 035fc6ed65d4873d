/**
 * Authentication as Salesforce does it: the OAuth 2.0 token endpoint (password, client credentials,
 * refresh token and JWT bearer grants), the SOAP partner {@code login} call that jsforce and Data
 * Loader use by default, token revocation, the identity URL and OpenID Connect userinfo.
 */
package io.pgforce.emulator.auth;
