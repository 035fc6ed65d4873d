package io.pgforce.salesforce.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.error.ApiError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {

  @Test
  void readsRestErrorArrays() {
    List<ApiError> errors =
        ErrorBodies.parse(
            400,
            "[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"Name\"]}]");

    assertThat(errors)
        .containsExactly(
            new ApiError(
                "REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")));
  }

  @Test
  void readsOAuthErrors() {
    List<ApiError> errors =
        ErrorBodies.parse(
            400, "{\"error\":\"invalid_grant\",\"error_description\":\"authentication failure\"}");

    assertThat(errors)
        .containsExactly(new ApiError("invalid_grant", "authentication failure", List.of()));
  }

  @Test
  void readsTheMatchesOfAnAmbiguousUpsert() {
    List<ApiError> errors =
        ErrorBodies.parse(
            300,
            "[\"/services/data/v60.0/sobjects/Account/001A\",\"/services/data/v60.0/sobjects/Account/001B\"]");

    assertThat(errors.get(0).code()).isEqualTo("MULTIPLE_MATCHES");
    assertThat(errors.get(0).message()).contains("001A", "001B");
  }

  @Test
  void namesUnreadableBodiesAfterTheStatus() {
    assertThat(ErrorBodies.parse(503, "<html>Service Unavailable</html>"))
        .containsExactly(new ApiError("HTTP_503", "<html>Service Unavailable</html>", List.of()));
    assertThat(ErrorBodies.parse(502, ""))
        .containsExactly(new ApiError("HTTP_502", "HTTP 502", List.of()));
  }
}
