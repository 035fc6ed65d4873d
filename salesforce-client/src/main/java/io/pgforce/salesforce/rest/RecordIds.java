package io.pgforce.salesforce.rest;

import java.util.regex.Pattern;

/**
 * Salesforce record ids: 15 case-sensitive characters (the first three are the object's key
 * prefix), or 18 with a checksum suffix that makes the id safe to compare case-insensitively. The
 * API answers with 18 characters and accepts either.
 */
public final class RecordIds {

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9]{15}([A-Za-z0-5]{3})?");

  private RecordIds() {}

  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  /**
   * The 18-character form. The suffix encodes, for each 5-character chunk of the 15, which
   * characters are upper case.
   */
  public static String to18(String id) {
    if (!isWellFormed(id)) {
      throw new IllegalArgumentException("not a 15- or 18-character Salesforce id: " + id);
    }
    String base = id.substring(0, 15);
    StringBuilder result = new StringBuilder(base);
    for (int chunk = 0; chunk < 3; chunk++) {
      result.append(SUFFIX_ALPHABET.charAt(upperCaseBits(base, chunk * 5)));
    }
    return result.toString();
  }

  /** The case-sensitive 15-character form. */
  public static String to15(String id) {
    if (!isWellFormed(id)) {
      throw new IllegalArgumentException("not a 15- or 18-character Salesforce id: " + id);
    }
    return id.substring(0, 15);
  }

  /** Whether two ids, in either form, name the same record. */
  public static boolean sameRecord(String a, String b) {
    return to15(a).equals(to15(b));
  }

  /** The three-character key prefix that names the object (001 Account, 003 Contact...). */
  public static String keyPrefix(String id) {
    return to15(id).substring(0, 3);
  }

  private static int upperCaseBits(String id, int start) {
    int bits = 0;
    for (int j = 0; j < 5; j++) {
      char c = id.charAt(start + j);
      if (c >= 'A' && c <= 'Z') {
        bits |= 1 << j;
      }
    }
    return bits;
  }
}
