package io.pgforce.app.admin;

import java.util.List;

/**
 * A request the admin API refuses, answered as {@code {"status": ..., "error": ..., "message": ...,
 * "problems": [...]}}. Each subclass is named after its HTTP status.
 */
public abstract class HttpStatusException extends RuntimeException {

  private final int status;
  private final List<String> problems;

  protected HttpStatusException(int status, String message, List<String> problems) {
    super(message);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public int status() {
    return status;
  }

  /** Each thing wrong with the request, when there are several; may be empty. */
  public List<String> problems() {
    return problems;
  }
}
