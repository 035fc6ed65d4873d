package io.pgforce.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.salesforce.EmulatorOrg;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.jetty.client.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP stack itself: connections are pooled and reused across calls. */
class HttpTransportIT {

  @RegisterExtension static final EmulatorOrg org = new EmulatorOrg();

  @Test
  void sequentialCallsReuseTheirConnection() {
    try (HttpTransport http = HttpTransport.start(org.passwordConfig().build())) {
      Set<Connection> used =
          Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
      http.jettyClient()
          .getRequestListeners()
          .addCommitListener(request -> used.add(request.getConnection()));
      String url = org.emulator().baseUrl() + "/services/data/";

      for (int i = 0; i < 25; i++) {
        JsonNode versions =
            http.exchange(ApiRequest.get(url), url, null, r -> Json.MAPPER.readTree(r.body()));
        assertThat(versions.isArray()).isTrue();
      }

      // A connection returns to the pool asynchronously, so a second one may open; 25 would not.
      assertThat(used).doesNotContainNull().hasSizeBetween(1, 2);
    }
  }
}
