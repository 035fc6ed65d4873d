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

  /** Levenshtein distance, two rows at a time. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
