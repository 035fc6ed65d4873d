package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import java.util.List;
import java.util.Optional;

/**
 * The outcome for one record of a DML call, as sObject Collections reports it.
 *
 * @param id the record id when the record was saved (or, for updates and deletes, is known)
 * @param success whether the record was saved
 * @param created for upserts: whether the record was created rather than updated
 * @param errors why it was not saved (empty on success)
 */
public record SaveResult(
    Optional<String> id, boolean success, Optional<Boolean> created, List<ApiError> errors) {

  public SaveResult {
    errors = List.copyOf(errors);
  }

  public static SaveResult saved(String id) {
    return new SaveResult(Optional.of(id), true, Optional.empty(), List.of());
  }

  public static SaveResult upserted(String id, boolean created) {
    return new SaveResult(Optional.of(id), true, Optional.of(created), List.of());
  }

  public static SaveResult failed(List<ApiError> errors) {
    return new SaveResult(Optional.empty(), false, Optional.empty(), errors);
  }

  public static SaveResult failed(ApiError error) {
    return failed(List.of(error));
  }

  /** The same result marked as an upsert outcome when the call was an upsert. */
  SaveResult asUpsert(boolean wasCreated) {
    return success ? upserted(id.orElseThrow(), wasCreated) : this;
  }
}
