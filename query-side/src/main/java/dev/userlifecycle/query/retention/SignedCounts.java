package dev.userlifecycle.query.retention;

import java.util.Arrays;

/** Counts by a non-negative index that grow as needed and can be taken back: a user's contribution is added or removed. */
final class SignedCounts {

    private int[] counts = new int[8];
    private int length;

    void add(int index, int delta) {
        if (index >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
        }
        counts[index] += delta;
        length = Math.max(length, index + 1);
    }

    /** The counts up to the last one that is not zero. */
    int[] toArray() {
        int end = length;
        while (end > 0 && counts[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(counts, end);
    }
}
