package io.pgforce.salesforce.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A session as the token endpoint issued it. {@link #toString()} leaves the token out.
 *
 * @param token the bearer token ({@code <orgId>!<opaque>})
 * @param instanceUrl where the org's APIs live, without a trailing slash
 * @param identityUrl {@code .../id/<orgId>/<userId>}
 * @param organizationId the 18-character org id from the identity URL
 * @param userId the 18-character id of the user the session runs as
 * @param issuedAt when Salesforce issued it, when the response says (JWT bearer does not)
 */
public record AccessToken(
    String token,
    String instanceUrl,
    String identityUrl,
    String organizationId,
    String userId,
    Optional<Instant> issuedAt) {

  /** The Authorization header value. */
  public String authorization() {
    return "Bearer " + token;
  }

  @Override
  public String toString() {
    return "AccessToken{instanceUrl="
        + instanceUrl
        + ", organizationId="
        + organizationId
        + ", userId="
        + userId
        + ", issuedAt="
        + issuedAt.map(Instant::toString).orElse("unknown")
        + ", token=****}";
  }
}
