package io.pgforce.salesforce.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.pgforce.salesforce.error.SalesforceException;
import java.io.EOFException;
import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;
import org.cometd.common.HashMapMessage;
import org.junit.jupiter.api.Test;

class RecoveryTest {

  private static HashMapMessage failure(String channel, String error, String reconnect) {
    HashMapMessage message = new HashMapMessage();
    message.setChannel(channel);
    message.setSuccessful(false);
    if (error != null) {
      message.put(Message.ERROR_FIELD, error);
    }
    if (reconnect != null) {
      message.put(Message.ADVICE_FIELD, Map.of(Message.RECONNECT_FIELD, reconnect));
    }
    return message;
  }

  @Test
  void anUnknownClientIsLeftToCometdsRehandshake() {
    HashMapMessage expired = failure(Channel.META_CONNECT, "403::Unknown client", "handshake");
    assertThat(Recovery.of(expired)).isEqualTo(Recovery.LEAVE_TO_COMETD);
    assertThat(BayeuxErrors.cause(expired))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.httpStatus()).isEqualTo(403);
              assertThat(e.errorCode()).isEqualTo("UNKNOWN_CLIENT");
            });
  }

  @Test
  void anExpiredSessionOnHandshakeMeansLogInAgain() {
    HashMapMessage denied = failure(Channel.META_HANDSHAKE, "403::Handshake denied", "none");
    denied.getExt(true).put("sfdc", Map.of("failureReason", "401::Authentication invalid"));
    assertThat(Recovery.of(denied)).isEqualTo(Recovery.REAUTHENTICATE);
    assertThat(Recovery.of(failure(Channel.META_CONNECT, "401::Authentication invalid", "none")))
        .isEqualTo(Recovery.REAUTHENTICATE);
    HashMapMessage httpUnauthorized = failure(Channel.META_CONNECT, null, "retry");
    httpUnauthorized.put("failure", Map.of("httpCode", 401));
    assertThat(Recovery.of(httpUnauthorized)).isEqualTo(Recovery.REAUTHENTICATE);
  }

  @Test
  void aDeniedHandshakeForAnyOtherReasonIsFatal() {
    assertThat(Recovery.of(failure(Channel.META_HANDSHAKE, "403::Handshake denied", "none")))
        .isEqualTo(Recovery.FATAL);
  }

  @Test
  void aRefusedSubscriptionIsFatal() {
    HashMapMessage refused =
        failure(
            Channel.META_SUBSCRIBE,
            "400::The replayId {6000} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events.",
            null);
    assertThat(Recovery.of(refused)).isEqualTo(Recovery.FATAL);
    assertThat(BayeuxErrors.cause(refused))
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> assertThat(e.errorCode()).isEqualTo("INVALID_REPLAY_ID"));
    assertThat(Recovery.of(failure(Channel.META_SUBSCRIBE, "403::Unknown client", "handshake")))
        .isEqualTo(Recovery.LEAVE_TO_COMETD);
  }

  @Test
  void aStoppedClientIsRestartedAndNetworkFailuresAreRetriedByCometd() {
    assertThat(Recovery.of(failure(Channel.META_CONNECT, "503::Server too busy", "none")))
        .isEqualTo(Recovery.RESTART);
    HashMapMessage network = failure(Channel.META_CONNECT, null, "retry");
    EOFException eof = new EOFException("closed");
    network.put("failure", Map.of("exception", eof));
    assertThat(Recovery.of(network)).isEqualTo(Recovery.LEAVE_TO_COMETD);
    assertThat(BayeuxErrors.cause(network)).isSameAs(eof);
  }
}
