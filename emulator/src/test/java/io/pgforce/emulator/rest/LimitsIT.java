package io.pgforce.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.emulator.Emulator;
import io.pgforce.emulator.EmulatorConfig;
import io.pgforce.emulator.testing.RestClient;
import io.pgforce.emulator.testing.RestClient.Response;
import org.junit.jupiter.api.Test;

/** Contract of /limits, the Sforce-Limit-Info header and REQUEST_LIMIT_EXCEEDED. */
class LimitsIT {

  private static final String V = "/services/data/v60.0";

  @Test
  void eachCallTakesOneRequestUntilNoneIsLeft() {
    try (Emulator emulator =
        Emulator.start(EmulatorConfig.builder().port(0).dailyApiRequests(3).build())) {
      RestClient api = new RestClient(emulator.baseUrl()).withToken(emulator.accessToken());
      Response first = api.get(V + "/limits");
      assertThat(first.header("Sforce-Limit-Info")).isEqualTo("api-usage=1/3");
      assertThat(first.json().get("DailyApiRequests").get("Max").asInt()).isEqualTo(3);
      assertThat(first.json().get("DailyApiRequests").get("Remaining").asInt()).isEqualTo(2);
      assertThat(first.json().get("DailyBulkV2QueryJobs").has("Max")).isTrue();
      assertThat(api.get(V + "/sobjects").header("Sforce-Limit-Info")).isEqualTo("api-usage=2/3");
      assertThat(api.get(V + "/nope").header("Sforce-Limit-Info")).isEqualTo("api-usage=2/3");
      api.get(V + "/sobjects");
      Response refused = api.get(V + "/sobjects");
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.body())
          .isEqualTo(
              "[{\"message\":\"TotalRequests Limit exceeded.\","
                  + "\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");
      assertThat(refused.header("Sforce-Limit-Info")).isEqualTo("api-usage=3/3");
    }
  }
}
