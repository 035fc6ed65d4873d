package io.pgforce.engine;

import io.pgforce.salesforce.error.SalesforceAuthException;
import java.util.Optional;

/**
 * Salesforce refusing pgforce's login, told apart from other failures. It is the connection's
 * problem, not a record's or a mapping's: retrying soon does not help, and only the operator (or an
 * org admin) can fix it, so the message says what to check. pgforce keeps its queued changes and
 * resumes by itself once a login succeeds again.
 */
public final class LoginRefusals {

  /** What to check, in the order it most often turns out to be. */
  public static final String WHAT_TO_CHECK =
      "check that the integration user is active and not frozen, that salesforce.password is"
          + " its current password followed by its security token, and that the connected app"
          + " (salesforce.client-id) is still approved for it";

  private static final int MAX_CAUSE_DEPTH = 25;

  private LoginRefusals() {}

  /** The login refusal in a failure's cause chain, if it holds one. */
  public static Optional<SalesforceAuthException> in(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof SalesforceAuthException e) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The refusal as an operator should read it: Salesforce's answer, then what to check. */
  public static String explain(SalesforceAuthException e) {
    return "Salesforce refused the login ("
        + e.getMessage()
        + "); "
        + WHAT_TO_CHECK
        + ". Queued changes wait and syncing resumes once the login works again";
  }
}
