package io.pgforce.app.admin;

import java.util.List;

/** 401: The request lacks the admin token the server requires. */
public final class UnauthorizedException extends HttpStatusException {

  public UnauthorizedException(String message) {
    super(401, message, List.of());
  }
}
