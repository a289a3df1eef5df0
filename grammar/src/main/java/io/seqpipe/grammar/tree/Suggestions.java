package io.seqpipe.grammar.tree;

import java.util.Collection;
import java.util.Locale;
import java.util.TreeSet;

/** "Did you mean ...?": the closest known name by edit distance, if close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** {@code "; did you mean 'x'?"}, or {@code ""} when nothing is close. */
  public static String didYouMean(String name, Collection<String> unordered) {
    Collection<String> known = new TreeSet<>(unordered);
    int allowed = Math.max(2, name.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      if (Math.abs(candidate.length() - name.length()) > allowed) {
        continue; // the distance is at least the difference in length: too far, and not worth computing
      }
      int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    if (best != null && bestDistance <= allowed) {
      return "; did you mean '" + best + "'?";
    }
    for (String candidate : known) {
      if (!name.isEmpty() && candidate.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
        return "; did you mean '" + candidate + "'?";
      }
    }
    return "";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
