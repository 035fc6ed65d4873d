package io.pgforce.emulator.metadata;

/**
 * One value of a picklist, as describe lists it.
 *
 * @param value the stored value
 * @param label the label shown to users
 * @param defaultValue whether new records get this value when none is given
 */
public record PicklistValue(String value, String label, boolean defaultValue) {

  public static PicklistValue of(String value) {
    return new PicklistValue(value, value, false);
  }
}
