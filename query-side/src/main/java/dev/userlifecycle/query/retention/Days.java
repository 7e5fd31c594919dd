package dev.userlifecycle.query.retention;

/** Searches in sorted arrays of epoch days. */
final class Days {

    private Days() {
    }

    /**
     * The index of the first element of {@code sorted} that is {@code day} or later, {@code sorted.length} when
     * there is none; unlike {@link java.util.Arrays#binarySearch(int[], int)}, the first of repeated days.
     */
    static int firstAtOrAfter(int[] sorted, int day) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < day) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
