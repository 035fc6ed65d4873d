package io.pgforce.emulator.streaming;

import io.pgforce.emulator.metadata.OrgSchema;
import io.pgforce.emulator.metadata.SObjectDefinition;
import java.util.Optional;

/**
 * Change Data Capture's channel names: {@code /data/ChangeEvents} carries every selected object,
 * {@code /data/AccountChangeEvent} one standard object, and {@code /data/Invoice__ChangeEvent} the
 * custom object {@code Invoice__c} (the {@code __c} suffix loses its {@code c}).
 */
public final class CdcChannels {

  /** The channel of every object that publishes change events. */
  public static final String ALL = "/data/ChangeEvents";

  private static final String PREFIX = "/data/";
  private static final String SUFFIX = "ChangeEvent";
  private static final String CUSTOM = "__c";

  private CdcChannels() {}

  /** The channel of one object's change events. */
  public static String of(String objectName) {
    String base =
        objectName.endsWith(CUSTOM) ? objectName.substring(0, objectName.length() - 1) : objectName;
    return PREFIX + base + SUFFIX;
  }

  /** Whether {@code channel} is a Change Data Capture channel at all (valid or not). */
  static boolean isCdc(String channel) {
    return channel.startsWith(PREFIX);
  }

  /**
   * The object a per-object channel names. Channel names are case-sensitive, as in Salesforce: only
   * the exact spelling {@link #of} gives matches.
   */
  static Optional<SObjectDefinition> objectOf(String channel, OrgSchema schema) {
    if (!channel.startsWith(PREFIX) || !channel.endsWith(SUFFIX) || channel.equals(ALL)) {
      return Optional.empty();
    }
    String base = channel.substring(PREFIX.length(), channel.length() - SUFFIX.length());
    String name = base.endsWith("__") ? base + "c" : base;
    return schema.find(name).filter(type -> of(type.name()).equals(channel));
  }

  /** Whether a subscriber may subscribe to {@code channel}. */
  static boolean exists(String channel, OrgSchema schema) {
    return channel.equals(ALL) || objectOf(channel, schema).isPresent();
  }
}
