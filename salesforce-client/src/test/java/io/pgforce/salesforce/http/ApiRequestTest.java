package io.pgforce.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestTest {

  @Test
  void onlyPostAndPutAreNotIdempotentByDefault() {
    assertThat(ApiRequest.get("/x").idempotent()).isTrue();
    assertThat(ApiRequest.patch("/x").idempotent()).isTrue();
    assertThat(ApiRequest.delete("/x").idempotent()).isTrue();
    assertThat(ApiRequest.post("/x").idempotent()).isFalse();
    assertThat(ApiRequest.put("/x").idempotent()).isFalse();
  }

  @Test
  void describeLeavesTheQueryStringOutOfLogs() {
    ApiRequest request = ApiRequest.get("/services/data/v60.0/query?q=SELECT+Name+FROM+Account");
    assertThat(request.describe()).isEqualTo("GET /services/data/v60.0/query");
  }

  @Test
  void knowsAbsoluteUrlsFromInstancePaths() {
    assertThat(ApiRequest.get("https://login.salesforce.com/services/oauth2/token").isAbsolute())
        .isTrue();
    assertThat(ApiRequest.get("/services/data/").isAbsolute()).isFalse();
  }
}
