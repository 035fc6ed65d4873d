package io.pgforce.salesforce.streaming;

import java.util.Map;
import org.cometd.bayeux.Channel;
import org.cometd.bayeux.Message;

/**
 * What to do after an unsuccessful Bayeux meta message. Salesforce's answers: an expired client on
 * {@code /meta/connect} is {@code 403::Unknown client} with advice {@code handshake} (CometD
 * handshakes again by itself); an expired or revoked session is {@code 401::Authentication
 * invalid}, on a handshake as {@code 403::Handshake denied} with that reason in {@code
 * ext.sfdc.failureReason} and advice {@code none}; a refused subscription (bad replayId, unknown
 * channel, missing permission) is an error on {@code /meta/subscribe}. A Bayeux request answered
 * with HTTP 401 rather than a Bayeux error also means the session expired.
 */
enum Recovery {
  /** CometD follows the server's advice (retry or handshake) with its backoff. */
  LEAVE_TO_COMETD,
  /** The client stopped (advice none): start a new one after a backoff. */
  RESTART,
  /** The session expired: log in again, then start a new client. */
  REAUTHENTICATE,
  /** Retrying cannot help: report and stop. */
  FATAL;

  static Recovery of(Message message) {
    String error = text(message.get(Message.ERROR_FIELD));
    if (error.startsWith("401")
        || failureReason(message).startsWith("401")
        || "401".equals(httpCode(message))) {
      return REAUTHENTICATE;
    }
    if (Channel.META_SUBSCRIBE.equals(message.getChannel())
        && !error.isEmpty()
        && !isUnknownClient(error)) {
      return FATAL;
    }
    if (Channel.META_HANDSHAKE.equals(message.getChannel())
        && error.startsWith("403::Handshake denied")) {
      return FATAL;
    }
    return "none".equals(reconnectAdvice(message)) ? RESTART : LEAVE_TO_COMETD;
  }

  static boolean isUnknownClient(String error) {
    return error.startsWith("403::Unknown client");
  }

  private static String failureReason(Message message) {
    Map<String, Object> ext = message.getExt();
    Object sfdc = ext == null ? null : ext.get("sfdc");
    return sfdc instanceof Map<?, ?> map ? text(map.get("failureReason")) : "";
  }

  /** The HTTP status CometD recorded when the response was not a 200 (an expired token may be). */
  private static String httpCode(Message message) {
    Object failure = message.get("failure");
    return failure instanceof Map<?, ?> map ? text(map.get("httpCode")) : "";
  }

  private static String reconnectAdvice(Message message) {
    Map<String, Object> advice = message.getAdvice();
    return advice == null ? "" : text(advice.get(Message.RECONNECT_FIELD));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
