package io.pgforce.emulator.store;

import java.util.Optional;

/**
 * Salesforce record ids: 15 case-sensitive characters (key prefix first) and the 18-character form
 * whose 3-character suffix encodes, case-insensitively, which of the 15 are upper case.
 *
 * <p>The emulator keys every record by its canonical 18-character id (the 15 characters in their
 * true case, the suffix upper case). Because the suffix says where the capitals are, an
 * 18-character id in any case maps back to one canonical id: that is how Salesforce accepts them
 * case-insensitively.
 */
public final class RecordIds {

  private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private RecordIds() {}

  /** The 3-character suffix of a 15-character id. */
  public static String suffix(String id15) {
    StringBuilder suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int j = 0; j < 5; j++) {
        char c = id15.charAt(chunk * 5 + j);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << j;
        }
      }
      suffix.append(SUFFIX_ALPHABET.charAt(bits));
    }
    return suffix.toString();
  }

  /** The 18-character form of a valid 15-character id. */
  public static String to18(String id15) {
    return id15 + suffix(id15);
  }

  /** The first 15 characters, as Salesforce shows ids in some messages. */
  public static String to15(String id) {
    return id.substring(0, 15);
  }

  /**
   * The canonical 18-character id for {@code raw} (15 or 18 characters, any case for 18), or empty
   * when {@code raw} cannot be an id.
   */
  public static Optional<String> normalize(String raw) {
    if (raw == null || !isAlphanumeric(raw)) {
      return Optional.empty();
    }
    if (raw.length() == 15) {
      return Optional.of(to18(raw));
    }
    if (raw.length() == 18) {
      return recase(raw);
    }
    return Optional.empty();
  }

  private static Optional<String> recase(String id18) {
    char[] chars = id18.substring(0, 15).toCharArray();
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = SUFFIX_ALPHABET.indexOf(Character.toUpperCase(id18.charAt(15 + chunk)));
      if (bits < 0) {
        return Optional.empty();
      }
      for (int j = 0; j < 5; j++) {
        int at = chunk * 5 + j;
        boolean upper = (bits & (1 << j)) != 0;
        if (upper && !Character.isLetter(chars[at])) {
          return Optional.empty();
        }
        chars[at] = upper ? Character.toUpperCase(chars[at]) : Character.toLowerCase(chars[at]);
      }
    }
    return Optional.of(to18(new String(chars)));
  }

  private static boolean isAlphanumeric(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The key prefix of a (valid) id: its first three characters. */
  public static String keyPrefix(String id) {
    return id.substring(0, 3);
  }
}
