package io.quarry.planner.resolve;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" candidates: the closest known names by edit distance. */
public final class Suggestions {

    private Suggestions() {
    }

    /** The known names nearest to {@code name}: all at the smallest distance, if it is small enough. */
    public static List<String> closest(String name, Collection<String> known) {
        int limit = Math.max(2, name.length() / 3);
        int best = known.stream().mapToInt(candidate -> distance(name, candidate)).min().orElse(Integer.MAX_VALUE);
        return known.stream()
                .filter(candidate -> (best <= limit && distance(name, candidate) == best) || candidate.endsWith("." + name))
                .sorted(Comparator.comparingInt((String candidate) -> distance(name, candidate))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(3)
                .toList();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
