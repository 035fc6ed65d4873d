package io.pgforce.emulator.server;

import io.javalin.http.Context;
import io.pgforce.emulator.errors.Errors;
import io.pgforce.emulator.session.Session;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every request goes through before its handler: it is counted, faults are injected, and a
 * REST data call ({@code /services/data/vXX.X/...}) must name a served version, carry a live
 * session and fit in the daily request allowance. Data calls get the {@code Sforce-Limit-Info}
 * header whatever their outcome. Emulator admin paths pass untouched.
 */
public final class RequestGate {

  public static final String ADMIN_PREFIX = "/__emulator__";
  private static final Pattern DATA_PATH = Pattern.compile("^/services/data/v([^/]+)(/.*)?$");

  private final OrgServices org;

  public RequestGate(OrgServices org) {
    this.org = org;
  }

  /**
   * Runs before routing: every REST data response carries {@code Sforce-Limit-Info}, even a 404 for
   * a path no route matches. (A matched call updates it once the call is counted.)
   */
  public void announceLimits(Context ctx) {
    if (DATA_PATH.matcher(ctx.path()).matches()) {
      ctx.header("Sforce-Limit-Info", org.limits().header());
    }
  }

  /** Runs before a matched handler. */
  public void before(Context ctx, String endpointPath) {
    String path = ctx.path();
    if (path.startsWith(ADMIN_PREFIX)) {
      return;
    }
    org.stats().record(ctx.method().name() + " " + endpointPath);
    org.faults().beforeRequest(ctx.method().name(), path);
    Matcher data = DATA_PATH.matcher(path);
    if (data.matches()) {
      admitDataCall(ctx, data.group(1));
    }
  }

  private void admitDataCall(Context ctx, String version) {
    if (!org.versions().supports(version)) {
      throw Errors.notFound();
    }
    Session session = bearer(ctx).flatMap(org.sessions()::find).orElseThrow(Errors::invalidSession);
    if (!org.limits().tryUseApiRequest()) {
      throw Errors.requestLimitExceeded();
    }
    ctx.header("Sforce-Limit-Info", org.limits().header());
    String callOptions = ctx.header("Sforce-Call-Options");
    new CallContext(session, version, CallContext.clientName(callOptions)).attachTo(ctx);
  }

  /** The token of an {@code Authorization: Bearer ...} (or jsforce's {@code OAuth ...}) header. */
  public static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      return Optional.empty();
    }
    for (String scheme : new String[] {"Bearer ", "OAuth "}) {
      if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
        return Optional.of(header.substring(scheme.length()).trim()).filter(t -> !t.isEmpty());
      }
    }
    return Optional.empty();
  }
}
