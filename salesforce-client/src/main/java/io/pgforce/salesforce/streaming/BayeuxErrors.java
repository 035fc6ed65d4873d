package io.pgforce.salesforce.streaming;

import io.pgforce.salesforce.error.SalesforceException;
import java.util.List;
import java.util.Map;
import org.cometd.bayeux.Message;

/** Turns an unsuccessful Bayeux message into the exception the listener is told about. */
final class BayeuxErrors {

  private BayeuxErrors() {}

  /**
   * The cause of a failed meta message: the I/O exception CometD attached for a network failure,
   * otherwise the server's {@code "NNN::text"} error as a {@link SalesforceException} with that
   * status ({@code INVALID_REPLAY_ID} when the replayId was refused).
   */
  static Throwable cause(Message message) {
    Object failure = message.get("failure");
    if (failure instanceof Map<?, ?> map && map.get("exception") instanceof Throwable t) {
      return t;
    }
    String error = String.valueOf(message.get(Message.ERROR_FIELD));
    return new SalesforceException(
        status(error), code(error), message.getChannel() + ": " + error, List.of());
  }

  private static String code(String error) {
    if (error.contains("replayId")) {
      return "INVALID_REPLAY_ID";
    }
    return Recovery.isUnknownClient(error) ? "UNKNOWN_CLIENT" : "STREAMING_ERROR";
  }

  private static int status(String error) {
    int separator = error.indexOf("::");
    try {
      return separator > 0 ? Integer.parseInt(error.substring(0, separator)) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
