package io.pgforce.emulator.errors;

/**
 * A refused OAuth request, answered as Salesforce's OAuth endpoints answer: {@code
 * {"error":"invalid_grant","error_description":"authentication failure"}}.
 */
public class OAuthException extends RuntimeException {

  private final int status;
  private final String error;
  private final String description;

  public OAuthException(int status, String error, String description) {
    super(error + ": " + description);
    this.status = status;
    this.error = error;
    this.description = description;
  }

  /** 400, the status of every token endpoint refusal. */
  public static OAuthException badRequest(String error, String description) {
    return new OAuthException(400, error, description);
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public String description() {
    return description;
  }
}
