package io.pgforce.emulator.streaming;

import java.util.Map;
import org.cometd.bayeux.Message;

/**
 * Reads Salesforce's replay extension from a {@code /meta/subscribe} message: {@code
 * "ext":{"replay":{"/data/ChangeEvents":-2}}}, one entry per channel. A channel without an entry
 * gets new events only (-1), as in Salesforce.
 */
final class ReplayOption {

  static final String EXT_KEY = "replay";

  /** A value that is no replayId at all; the log refuses it like an unavailable one. */
  static final long INVALID = Long.MIN_VALUE;

  private ReplayOption() {}

  static long of(Message message, String channel) {
    Map<String, Object> ext = message.getExt();
    if (ext == null || !(ext.get(EXT_KEY) instanceof Map<?, ?> replay)) {
      return EventLog.NEW_ONLY;
    }
    Object value = replay.get(channel);
    if (value == null) {
      return EventLog.NEW_ONLY;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(value.toString().trim());
    } catch (NumberFormatException e) {
      return INVALID;
    }
  }

  /** How the value is shown in Salesforce's error message. */
  static String shown(Message message, String channel) {
    Map<String, Object> ext = message.getExt();
    Object replay = ext == null ? null : ext.get(EXT_KEY);
    return replay instanceof Map<?, ?> map ? String.valueOf(map.get(channel)) : "null";
  }
}
