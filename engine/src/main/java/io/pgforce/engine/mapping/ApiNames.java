package io.pgforce.engine.mapping;

import java.util.regex.Pattern;

/**
 * Salesforce API names: a letter first, then letters and digits separated by single underscores, or
 * double ones around a namespace prefix and a {@code __c}-style suffix. Checked before a name ever
 * reaches SOQL or SQL, so a name cannot smuggle syntax into either.
 */
public final class ApiNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:__?[A-Za-z0-9]+)*");

  private ApiNames() {}

  public static boolean isValid(String name) {
    return name != null && name.length() <= 80 && NAME.matcher(name).matches();
  }

  /** What is wrong with a name that {@link #isValid} rejected. */
  public static String problem(String name) {
    return "'"
        + name
        + "' is not a Salesforce API name (letters, digits and underscores, starting with a"
        + " letter, like Name or Invoice_Total__c)";
  }
}
