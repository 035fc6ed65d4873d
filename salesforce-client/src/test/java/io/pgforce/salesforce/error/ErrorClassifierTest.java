package io.pgforce.salesforce.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorClassifierTest {

  @Test
  void lockedRowsAndUnavailableServersAreRetriedEvenForCreates() {
    assertThat(ErrorClassifier.classify(400, "UNABLE_TO_LOCK_ROW")).isEqualTo(Verdict.RETRY);
    assertThat(ErrorClassifier.classify(503, "HTTP_503")).isEqualTo(Verdict.RETRY);
    assertThat(Verdict.RETRY.allowsRetryOf(false)).isTrue();
  }

  @Test
  void requestLimitWaitsOnTheLongBackoff() {
    assertThat(ErrorClassifier.classify(403, "REQUEST_LIMIT_EXCEEDED"))
        .isEqualTo(Verdict.RETRY_AFTER_LONG_BACKOFF);
  }

  @Test
  void validationErrorsAreFatal() {
    for (String code :
        List.of("INVALID_FIELD", "REQUIRED_FIELD_MISSING", "MALFORMED_QUERY", "DUPLICATE_VALUE")) {
      assertThat(ErrorClassifier.classify(400, code)).as(code).isEqualTo(Verdict.FATAL);
    }
    assertThat(ErrorClassifier.classify(500, "UNKNOWN_EXCEPTION")).isEqualTo(Verdict.FATAL);
  }

  @Test
  void lostAnswersAreRetriedOnlyForIdempotentRequests() {
    assertThat(ErrorClassifier.classify(502, "HTTP_502")).isEqualTo(Verdict.RETRY_IF_IDEMPOTENT);
    assertThat(ErrorClassifier.classify(new SocketTimeoutException("Read timed out")))
        .isEqualTo(Verdict.RETRY_IF_IDEMPOTENT);
    assertThat(ErrorClassifier.classify(new IOException("Connection reset by peer")))
        .isEqualTo(Verdict.RETRY_IF_IDEMPOTENT);
    assertThat(ErrorClassifier.classify(new EOFException())).isEqualTo(Verdict.RETRY_IF_IDEMPOTENT);
    assertThat(ErrorClassifier.classify(new TimeoutException()))
        .isEqualTo(Verdict.RETRY_IF_IDEMPOTENT);
    assertThat(Verdict.RETRY_IF_IDEMPOTENT.allowsRetryOf(false)).isFalse();
    assertThat(Verdict.RETRY_IF_IDEMPOTENT.allowsRetryOf(true)).isTrue();
  }

  @Test
  void aRefusedConnectionWasNeverSentSoItIsAlwaysRetried() {
    assertThat(ErrorClassifier.classify(new ConnectException("Connection refused")))
        .isEqualTo(Verdict.RETRY);
  }

  @Test
  void walksTheCauseChain() {
    Exception wrapped =
        new RuntimeException(new ExecutionException(new UncheckedIOException(new EOFException())));
    assertThat(ErrorClassifier.isRetriable(wrapped)).isTrue();
    assertThat(ErrorClassifier.isRetriable(new RuntimeException(new IllegalStateException())))
        .isFalse();
  }

  @Test
  void survivesCyclicCauses() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(ErrorClassifier.classify(a)).isEqualTo(Verdict.FATAL);
  }

  @Test
  void unknownHostsAndAuthFailuresAreFatal() {
    assertThat(ErrorClassifier.isRetriable(new UnknownHostException("login.salesforce.cmo")))
        .isFalse();
    assertThat(ErrorClassifier.isRetriable(new SalesforceAuthException(400, "invalid_grant", "no")))
        .isFalse();
  }

  @Test
  void responsesBecomeTheMatchingExceptionType() {
    SalesforceException locked =
        ErrorClassifier.fromResponse(
            400,
            List.of(new ApiError("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access", null)));
    SalesforceException invalid =
        ErrorClassifier.fromResponse(
            400, List.of(new ApiError("INVALID_FIELD", "No such column 'X'", List.of("X"))));

    assertThat(locked).isInstanceOf(RetriableSalesforceException.class);
    assertThat(invalid).isNotInstanceOf(RetriableSalesforceException.class);
    assertThat(invalid.httpStatus()).isEqualTo(400);
    assertThat(invalid.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(invalid.fields()).containsExactly("X");
    assertThat(invalid).hasMessageContaining("INVALID_FIELD").hasMessageContaining("HTTP 400");
  }

  @Test
  void transportFailuresKeepTheirCauseAndAreClassifiedByIt() {
    SalesforceException timeout =
        ErrorClassifier.transportFailure(
            "GET /query", new SocketTimeoutException("Read timed out"));
    SalesforceException unknownHost =
        ErrorClassifier.transportFailure("GET /query", new UnknownHostException("nowhere"));

    assertThat(timeout).isInstanceOf(RetriableSalesforceException.class);
    assertThat(timeout.errorCode()).isEqualTo("TIMEOUT");
    assertThat(timeout.httpStatus()).isEqualTo(SalesforceException.NO_RESPONSE);
    assertThat(ErrorClassifier.classify(timeout)).isEqualTo(Verdict.RETRY_IF_IDEMPOTENT);
    assertThat(unknownHost).isNotInstanceOf(RetriableSalesforceException.class);
    assertThat(unknownHost.errorCode()).isEqualTo("TRANSPORT_ERROR");
  }
}
