package io.pgforce.app.admin;

import java.util.List;

/** 409: The request clashes with what exists (an object mapped already). */
public final class ConflictException extends HttpStatusException {

  public ConflictException(String message) {
    super(409, message, List.of());
  }
}
