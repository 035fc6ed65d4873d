package io.pgforce.app.admin;

import java.util.List;

/** 400: The request cannot be carried out as sent; the message says what to change. */
public final class BadRequestException extends HttpStatusException {

  public BadRequestException(String message) {
    this(message, List.of());
  }

  public BadRequestException(String message, List<String> problems) {
    super(400, message, problems);
  }
}
