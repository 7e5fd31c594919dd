package dev.userlifecycle.query.retention;

import java.util.HashMap;
import java.util.Map;

/** Counts by a long key, for the few keys of a day that are in use; a count that falls back to zero is forgotten. */
final class SparseCounts {

    private final Map<Long, Integer> counts = new HashMap<>();

    void add(long key, int delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The keys in ascending order and their counts, in one array of pairs: key, count, key, count, … */
    long[] toPairs() {
        long[] pairs = new long[counts.size() * 2];
        int at = 0;
        for (long key : counts.keySet().stream().sorted().toList()) {
            pairs[at++] = key;
            pairs[at++] = counts.get(key);
        }
        return pairs;
    }
}
