package io.pgforce.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The token: asked for whenever one is set, checked on the API and metrics, never on the page. */
class AdminAuthIT {

  private static final String TOKEN = "s3cret-token-of-the-admin";

  @Test
  void withATokenTheApiAndMetricsRefuseRequestsWithoutIt() {
    try (AdminServer server = start("127.0.0.1")) {
      Http anonymous = new Http(server.url(), Optional.empty());
      Http.Reply refused = anonymous.get("/api/v1/connection");

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(refused.json().path("message").asText()).doesNotContain(TOKEN);
      assertThat(anonymous.get("/metrics").status()).isEqualTo(401);
      assertThat(anonymous.post("/api/v1/connection/pause", "").status()).isEqualTo(401);
      assertThat(anonymous.get("/").status()).isEqualTo(200);
    }
  }

  @Test
  void aWrongTokenIsRefusedAndTheRightOneAccepted() {
    try (AdminServer server = start("127.0.0.1")) {
      Http wrong = new Http(server.url(), Optional.of(TOKEN + "x"));
      Http right = new Http(server.url(), Optional.of(TOKEN));

      assertThat(wrong.get("/api/v1/mappings").status()).isEqualTo(401);
      assertThat(right.get("/api/v1/mappings").status()).isEqualTo(200);
      assertThat(right.get("/metrics").status()).isEqualTo(200);
      assertThat(
              new Http(server.url(), Optional.empty())
                  .withHeader("/api/v1/mappings", "Authorization", "Basic " + TOKEN)
                  .status())
          .isEqualTo(401);
    }
  }

  @Test
  void boundToEveryAddressTheTokenIsRequired() {
    try (AdminServer server = start("0.0.0.0")) {
      String local = "http://127.0.0.1:" + server.port();

      assertThat(new Http(local, Optional.empty()).get("/api/v1/connection").status())
          .isEqualTo(401);
      assertThat(new Http(local, Optional.of(TOKEN)).get("/api/v1/connection").status())
          .isEqualTo(200);
    }
  }

  private static AdminServer start(String host) {
    FeedBackend backend =
        SampleMappings.feed(
            new FeedBackend(Clock.systemUTC(), FeedBackend.FailedWrites.NONE, Set.of()));
    return AdminServer.start(
        new AdminSettings(host, 0, Optional.of(TOKEN)), backend, () -> "", Clock.systemUTC());
  }
}
