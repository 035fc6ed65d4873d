package io.pgforce.emulator.store;

import java.util.Objects;
import java.util.Optional;

/**
 * How one DML call runs and who makes it.
 *
 * @param allOrNone roll back every record when one fails (sObject Collections' {@code allOrNone})
 * @param userId the acting user's id, recorded as CreatedById / LastModifiedById
 * @param clientId the caller's {@code Sforce-Call-Options} client name, if any
 */
public record DmlOptions(boolean allOrNone, String userId, Optional<String> clientId) {

  public DmlOptions {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(clientId, "clientId");
  }

  /** Partial success allowed, no client name. */
  public static DmlOptions asUser(String userId) {
    return new DmlOptions(false, userId, Optional.empty());
  }

  public DmlOptions withAllOrNone(boolean value) {
    return new DmlOptions(value, userId, clientId);
  }

  public DmlOptions withClientId(String value) {
    return new DmlOptions(allOrNone, userId, Optional.ofNullable(value));
  }
}
