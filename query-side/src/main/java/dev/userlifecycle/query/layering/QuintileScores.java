package dev.userlifecycle.query.layering;

import java.util.Arrays;

/** The quintile rule of {@link RfmScorer}: {@code score = 1 + floor(5 * worse / n)}. */
final class QuintileScores {

    private QuintileScores() {
    }

    static int[] higherIsBetter(double[] values) {
        double[] sorted = sortedCopy(values);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = score(firstIndexNotBelow(sorted, values[i]), values.length);
        }
        return scores;
    }

    static int[] lowerIsBetter(double[] values) {
        double[] sorted = sortedCopy(values);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            scores[i] = score(values.length - firstIndexAbove(sorted, values[i]), values.length);
        }
        return scores;
    }

    private static int score(int worse, int n) {
        return 1 + (int) (5L * worse / n);
    }

    private static double[] sortedCopy(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The number of values strictly below {@code value}. */
    private static int firstIndexNotBelow(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The number of values at or below {@code value}. */
    private static int firstIndexAbove(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
