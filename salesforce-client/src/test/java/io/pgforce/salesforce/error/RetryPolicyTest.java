package io.pgforce.salesforce.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgforce.salesforce.FakeClock;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final FakeClock clock = FakeClock.at("2024-01-01T00:00:00Z");
  private final List<Duration> sleeps = new ArrayList<>();
  private final Sleeper sleeper =
      d -> {
        sleeps.add(d);
        clock.advance(d);
      };
  private final RetryPolicy policy =
      new RetryPolicy(
          clock,
          sleeper,
          Duration.ofMinutes(2),
          new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10)),
          new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5)),
          () -> 0.0);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void retriesARetriableFailureUntilItSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    String result =
        policy.call(
            "GET /limits",
            true,
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw failure(503, "HTTP_503");
              }
              return "ok";
            });

    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void doesNotRetryFatalFailures() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.call(
                    "POST /sobjects/Account",
                    false,
                    () -> {
                      calls.incrementAndGet();
                      throw failure(400, "REQUIRED_FIELD_MISSING");
                    }))
        .hasMessageContaining("REQUIRED_FIELD_MISSING");
    assertThat(calls).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void doesNotResendANonIdempotentRequestWhoseAnswerWasLost() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.call(
                    "POST /composite/sobjects",
                    false,
                    () -> {
                      calls.incrementAndGet();
                      throw ErrorClassifier.transportFailure("POST", new SocketTimeoutException());
                    }))
        .isInstanceOf(RetriableSalesforceException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void givesUpWhenTheNextWaitWouldOutlastTheBudget() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.call(
                    "GET /query",
                    true,
                    () -> {
                      calls.incrementAndGet();
                      throw failure(400, "UNABLE_TO_LOCK_ROW");
                    }))
        .isInstanceOf(RetriableSalesforceException.class);
    Duration slept = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(slept).isLessThanOrEqualTo(Duration.ofMinutes(2));
    assertThat(calls.get()).isGreaterThan(5).isEqualTo(sleeps.size() + 1);
  }

  @Test
  void waitsMuchLongerWhenTheRequestLimitIsExhausted() {
    AtomicInteger calls = new AtomicInteger();
    policy.call(
        "GET /query",
        true,
        () -> {
          if (calls.incrementAndGet() == 1) {
            throw failure(403, "REQUEST_LIMIT_EXCEEDED");
          }
          return null;
        });
    assertThat(sleeps).containsExactly(Duration.ofSeconds(15));
  }

  @Test
  void anInterruptDuringTheWaitCancels() {
    RetryPolicy interrupted =
        new RetryPolicy(
            clock,
            d -> {
              throw new InterruptedException();
            },
            Duration.ofMinutes(1),
            RetryPolicy.DEFAULT_BACKOFF,
            RetryPolicy.DEFAULT_LIMIT_BACKOFF,
            () -> 0.0);
    assertThatThrownBy(
            () ->
                interrupted.call(
                    "GET",
                    true,
                    () -> {
                      throw failure(503, "HTTP_503");
                    }))
        .isInstanceOf(CancellationException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  private static SalesforceException failure(int status, String code) {
    return ErrorClassifier.fromResponse(status, List.of(new ApiError(code, "test", List.of())));
  }
}
