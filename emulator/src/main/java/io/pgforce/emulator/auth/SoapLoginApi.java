package io.pgforce.emulator.auth;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.pgforce.emulator.errors.SoapFaultException;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.Credentials;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.server.SoapEnvelopes;
import io.pgforce.emulator.session.Session;
import java.util.Optional;

/**
 * The SOAP partner API's {@code login} and {@code logout} at {@code /services/Soap/u/{version}},
 * which jsforce and Data Loader use to log in by default. Nothing else of SOAP is emulated; any
 * other call gets a fault saying so.
 */
public final class SoapLoginApi implements ApiArea {

  private final OrgServices org;

  public SoapLoginApi(OrgServices org) {
    this.org = org;
  }

  @Override
  public void register(JavalinConfig config) {
    config.routes.post("/services/Soap/u/{version}", this::call);
    config.routes.post("/services/Soap/u/{version}/{orgId}", this::call);
  }

  private void call(Context ctx) {
    SoapRequest request = SoapRequest.parse(ctx.bodyAsBytes());
    String version = ctx.pathParam("version");
    String response =
        switch (request.operation()) {
          case "login" -> login(request, version);
          case "logout" -> logout(request);
          default ->
              throw new SoapFaultException(
                  "UNKNOWN_EXCEPTION",
                  "The pgforce emulator implements only login and logout of the SOAP API",
                  "UnexpectedErrorFault");
        };
    ctx.status(200).contentType("text/xml;charset=UTF-8").result(response);
  }

  private String login(SoapRequest request, String version) {
    Credentials expected = org.credentials();
    boolean userOk = expected.username().equalsIgnoreCase(request.text("username").orElse(""));
    boolean passwordOk = expected.password().equals(request.text("password").orElse(null));
    boolean refused = org.sessions().isRefused(org.identity().userId());
    if (!userOk || !passwordOk || refused) {
      throw new SoapFaultException(
          "INVALID_LOGIN",
          "Invalid username, password, security token; or user locked out.",
          "LoginFault");
    }
    Session session = org.sessions().open(org.identity().userId());
    return SoapEnvelopes.response(new LoginResult(org, session, version).xml());
  }

  private String logout(SoapRequest request) {
    Optional<String> sessionId = request.headerText("sessionId");
    if (sessionId.isEmpty() || !org.sessions().revoke(sessionId.get())) {
      throw new SoapFaultException(
          "INVALID_SESSION_ID",
          "Invalid Session ID found in SessionHeader: Illegal Session",
          "UnexpectedErrorFault");
    }
    return SoapEnvelopes.response("<logoutResponse/>");
  }
}
