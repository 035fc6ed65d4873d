package io.pgforce.app.admin;

import java.util.List;

/** 404: No such mapping, error or path. */
public final class NotFoundException extends HttpStatusException {

  public NotFoundException(String message) {
    super(404, message, List.of());
  }
}
