package io.pgforce.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pgforce.emulator.faults.FaultRule;
import io.pgforce.emulator.testing.EmulatorTestBase;
import io.pgforce.emulator.testing.RestClient.Response;
import org.junit.jupiter.api.Test;

/** Contract of the emulator's own API: faults, statistics and reset. */
class AdminIT extends EmulatorTestBase {

  private static final String FAULTS = "/__emulator__/faults";

  @Test
  void aStatusFaultFailsMatchingRequestsUntilRemoved() {
    Response added = anonymous.post(FAULTS, "{\"endpoint\":\"/query\",\"status\":503}");
    assertThat(added.status()).isEqualTo(201);
    long id = added.json().get("id").asLong();
    Response failed = api.get(V + "/query?q=SELECT+Id+FROM+Account");
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.json().get(0).get("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
    assertThat(api.get(V + "/sobjects").status()).isEqualTo(200);
    assertThat(anonymous.get(FAULTS).json().get("faults")).hasSize(1);
    assertThat(anonymous.delete(FAULTS + "/" + id).status()).isEqualTo(204);
    assertThat(api.get(V + "/query?q=SELECT+Id+FROM+Account").status()).isEqualTo(200);
  }

  @Test
  void anErrorFaultFiresTheGivenNumberOfTimes() {
    anonymous.post(
        FAULTS,
        "{\"endpoint\":\"/sobjects\",\"method\":\"POST\","
            + "\"error\":\"UNABLE_TO_LOCK_ROW\",\"times\":1}");
    Response locked = api.post(V + "/sobjects/Account", "{\"Name\":\"A\"}");
    assertThat(locked.status()).isEqualTo(400);
    assertThat(locked.json().get(0).get("errorCode").asText()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(api.post(V + "/sobjects/Account", "{\"Name\":\"A\"}").status()).isEqualTo(201);
  }

  @Test
  void aPerRecordFaultFailsRecordsOfCollectionsCalls() {
    anonymous.post(
        FAULTS,
        "{\"endpoint\":\"/composite/sobjects\",\"error\":"
            + "\"UNABLE_TO_LOCK_ROW\",\"perRecord\":true,\"times\":1}");
    JsonNode results =
        api.post(
                V + "/composite/sobjects",
                "{\"records\":["
                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"A\"},"
                    + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"B\"}]}")
            .json();
    assertThat(results.get(0).get("errors").get(0).get("statusCode").asText())
        .isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(results.get(1).get("success").asBoolean()).isTrue();
  }

  @Test
  void latencyDelaysRequests() {
    emulator.addFault(FaultRule.slow("/limits", 300));
    long started = System.nanoTime();
    assertThat(api.get(V + "/limits").status()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
  }

  @Test
  void invalidRulesAreRefusedWithTheReason() {
    Response response = anonymous.post(FAULTS, "{\"rate\":2,\"status\":503}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains("rate");
    assertThat(anonymous.post(FAULTS, "{\"bogus\":1}").json().get("error").asText())
        .contains("unknown key 'bogus'");
  }

  @Test
  void statsCountCallsByEndpointAndResetClearsEverything() {
    create("Account", "{\"Name\":\"A\"}");
    api.get(V + "/limits");
    JsonNode stats = anonymous.get("/__emulator__/stats").json();
    assertThat(
            stats
                .get("callsByEndpoint")
                .get("POST /services/data/{version}/sobjects/{sobject}")
                .asLong())
        .isEqualTo(1);
    assertThat(stats.get("callsByEndpoint").get("GET /services/data/{version}/limits").asLong())
        .isEqualTo(1);
    assertThat(stats.get("records").get("Account").asInt()).isEqualTo(1);
    anonymous.post(FAULTS, "{\"status\":500}");
    assertThat(anonymous.send("POST", "/__emulator__/reset", null, null).status()).isEqualTo(204);
    assertThat(anonymous.get(FAULTS).json().get("faults")).isEmpty();
    assertThat(anonymous.get("/__emulator__/stats").json().get("records").get("Account").asInt())
        .isZero();
    assertThat(api.get(V + "/limits").status()).isEqualTo(401);
  }
}
