package io.pgforce.salesforce.rest;

import java.util.regex.Pattern;

/**
 * Checks names before they become URL path segments, so a typo fails with a clear message instead
 * of reaching another endpoint.
 */
public final class ApiNames {

  /** Object and field API names: letters, digits and underscores (custom ones end in __c). */
  private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");

  private ApiNames() {}

  public static String requireApiName(String name, String what) {
    if (name == null || !API_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " is not a Salesforce API name: " + name);
    }
    return name;
  }

  public static String requireId(String id) {
    if (!RecordIds.isWellFormed(id)) {
      throw new IllegalArgumentException("not a 15- or 18-character Salesforce id: " + id);
    }
    return id;
  }
}
