package io.pgforce.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.EmulatorOrg;
import io.pgforce.salesforce.SalesforceConfig;
import org.eclipse.jetty.client.AbstractConnectionPool;
import org.eclipse.jetty.client.Destination;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP stack itself: connections are reused, and usage is read from every response. */
class HttpTransportIT {

  private static EmulatorOrg org;

  @BeforeAll
  static void start() {
    org = EmulatorOrg.start();
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  @Test
  void reusesOneConnectionForSequentialCalls() {
    SalesforceConfig config = org.passwordConfig().build();
    try (HttpTransport http = HttpTransport.start(config)) {
      String url = org.emulator().baseUrl() + "/services/data/";

      for (int i = 0; i < 25; i++) {
        assertThat(
                http.exchange(ApiRequest.get(url), url, null, r -> Json.MAPPER.readTree(r.body()))
                    .isArray())
            .isTrue();
      }

      Destination destination = http.jettyClient().getDestinations().get(0);
      assertThat(((AbstractConnectionPool) destination.getConnectionPool()).getConnectionCount())
          .isEqualTo(1);
    }
  }
}
