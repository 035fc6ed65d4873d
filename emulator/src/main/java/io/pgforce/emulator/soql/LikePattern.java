package io.pgforce.emulator.soql;

import java.util.Arrays;

/**
 * A SOQL LIKE pattern: {@code %} matches any run of characters, {@code _} exactly one, {@code \%}
 * and {@code \_} themselves; case-insensitive. Matched with the two-pointer wildcard algorithm
 * rather than a regular expression, so no pattern can make matching backtrack exponentially.
 */
final class LikePattern {

  private static final char ANY_RUN = '%';
  private static final char ANY_ONE = '_';

  private final char[] chars;

  /** What each position is: a literal character, ANY_RUN or ANY_ONE. */
  private final byte[] kinds;

  private static final byte LITERAL = 0;
  private static final byte RUN = 1;
  private static final byte ONE = 2;

  LikePattern(String pattern) {
    char[] parsedChars = new char[pattern.length()];
    byte[] parsedKinds = new byte[pattern.length()];
    int n = 0;
    for (int i = 0; i < pattern.length(); i++, n++) {
      char c = pattern.charAt(i);
      boolean escaped = c == '\\' && i + 1 < pattern.length();
      char literal = escaped ? pattern.charAt(++i) : c;
      parsedChars[n] = fold(literal);
      parsedKinds[n] = escaped ? LITERAL : c == ANY_RUN ? RUN : c == ANY_ONE ? ONE : LITERAL;
    }
    this.chars = Arrays.copyOf(parsedChars, n);
    this.kinds = Arrays.copyOf(parsedKinds, n);
  }

  boolean matches(String text) {
    int t = 0;
    int p = 0;
    int lastRun = -1;
    int resumeAt = 0;
    while (t < text.length()) {
      if (p < chars.length
          && kinds[p] != RUN
          && (kinds[p] == ONE || chars[p] == fold(text.charAt(t)))) {
        t++;
        p++;
      } else if (p < chars.length && kinds[p] == RUN) {
        lastRun = p++;
        resumeAt = t;
      } else if (lastRun >= 0) {
        p = lastRun + 1;
        t = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < chars.length && kinds[p] == RUN) {
      p++;
    }
    return p == chars.length;
  }

  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }
}
