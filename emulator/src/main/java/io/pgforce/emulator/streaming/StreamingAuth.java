package io.pgforce.emulator.streaming;

import java.util.Optional;

/** Checks the access token a CometD client presents, as the REST API checks its sessions. */
@FunctionalInterface
public interface StreamingAuth {

  /** The user the token belongs to, or empty when it is unknown, revoked or expired. */
  Optional<String> userFor(String accessToken);
}
