package io.pgforce.engine.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a misspelt one most likely meant, for "did you mean" hints: the fewest edits
 * (ignoring case, and a missing {@code __c}), and only when that is close enough to be a typo
 * rather than another name.
 */
public final class ClosestName {

  private ClosestName() {}

  /** The closest of {@code known} to {@code wanted}, when within a third of its length. */
  public static Optional<String> to(String wanted, Collection<String> known) {
    String target = normalize(wanted);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = distance(target, normalize(candidate));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, target.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** {@code "; did you mean 'X'?"}, or nothing. */
  public static String hint(String wanted, Collection<String> known) {
    return to(wanted, known).map(n -> "; did you mean '" + n + "'?").orElse("");
  }

  /** Case and the custom suffix do not count: {@code invoice} is one step from nothing. */
  private static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("__c") ? lower.substring(0, lower.length() - 3) : lower;
  }

  /** Edits between two names, a swap of neighbours counting as one (optimal string alignment). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
