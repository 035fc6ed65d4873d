package io.pgforce.emulator.store;

import io.pgforce.emulator.errors.ApiError;
import java.util.List;

/**
 * Why one record of a DML call is not saved. Control flow within DML only (it becomes that record's
 * failed {@link SaveResult}), so it carries no stack trace.
 */
final class RecordRejected extends RuntimeException {

  private final transient List<ApiError> errors;

  RecordRejected(List<ApiError> errors) {
    super(errors.get(0).code(), null, false, false);
    this.errors = List.copyOf(errors);
  }

  RecordRejected(ApiError error) {
    this(List.of(error));
  }

  List<ApiError> errors() {
    return errors;
  }
}
