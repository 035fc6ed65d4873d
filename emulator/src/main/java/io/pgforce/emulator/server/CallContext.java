package io.pgforce.emulator.server;

import io.javalin.http.Context;
import io.pgforce.emulator.session.Session;
import io.pgforce.emulator.store.DmlOptions;
import java.util.Optional;

/**
 * Who is calling a REST data endpoint, set by the {@link RequestGate} after it checked the session:
 * the session, the API version from the URL and the {@code Sforce-Call-Options} client name.
 *
 * @param session the caller's session
 * @param version the API version in the URL, without the v ({@code 60.0})
 * @param clientId the client name from {@code Sforce-Call-Options: client=NAME}, if given
 */
public record CallContext(Session session, String version, Optional<String> clientId) {

  private static final String ATTRIBUTE = "pgforce.call";

  /** The context of a request that passed the gate. */
  public static CallContext of(Context ctx) {
    CallContext call = ctx.attribute(ATTRIBUTE);
    if (call == null) {
      throw new IllegalStateException("No call context: the route is outside /services/data");
    }
    return call;
  }

  void attachTo(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }

  /** DML options acting as the session's user and recording the client name. */
  public DmlOptions dmlOptions(boolean allOrNone) {
    return new DmlOptions(allOrNone, session.userId(), clientId);
  }

  /** The REST base of this call's version: {@code /services/data/v60.0}. */
  public String dataPath() {
    return "/services/data/v" + version;
  }

  /** The client name in a {@code Sforce-Call-Options} header value, if it has one. */
  static Optional<String> clientName(String callOptions) {
    if (callOptions == null) {
      return Optional.empty();
    }
    for (String option : callOptions.split(",")) {
      String[] pair = option.trim().split("=", 2);
      if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("client")) {
        return Optional.of(pair[1].trim()).filter(s -> !s.isEmpty());
      }
    }
    return Optional.empty();
  }
}
