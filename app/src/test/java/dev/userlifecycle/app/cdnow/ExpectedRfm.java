package dev.userlifecycle.app.cdnow;

import dev.userlifecycle.app.cdnow.CdnowHistory.Line;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFM scores of every CDNOW customer as of a day, computed straight from the lines without any class of the project.
 * recency = days from the last line to the day; frequency = lines with a value; monetary = their sum in cents. For
 * each dimension {@code score = 1 + floor(5 * worse / n)}, with {@code worse} the customers strictly worse (a larger
 * recency; a smaller frequency or monetary). Segments (by their enum names) follow the R against FM grid, FM = (F + M + 1) / 2.
 */
public final class ExpectedRfm {

    private static final String[][] SEGMENTS_BY_R_THEN_FM = {
            {"LOST", "HIBERNATING", "AT_RISK", "AT_RISK", "CANT_LOSE_THEM"},
            {"HIBERNATING", "HIBERNATING", "AT_RISK", "AT_RISK", "CANT_LOSE_THEM"},
            {"ABOUT_TO_SLEEP", "ABOUT_TO_SLEEP", "NEED_ATTENTION", "LOYAL", "LOYAL"},
            {"PROMISING", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "LOYAL", "LOYAL"},
            {"NEW", "POTENTIAL_LOYALIST", "POTENTIAL_LOYALIST", "CHAMPIONS", "CHAMPIONS"},
    };

    /** Customers per score 1..5 ({@code [score - 1]}) of each dimension, and per segment name. */
    public record Counts(int[] recency, int[] frequency, int[] monetary, Map<String, Integer> segments) {
    }

    private ExpectedRfm() {
    }

    public static Counts asOf(Map<String, List<Line>> byCustomer, LocalDate day) {
        int n = byCustomer.size();
        long[] recency = new long[n];
        long[] frequency = new long[n];
        long[] monetary = new long[n];
        int i = 0;
        for (List<Line> lines : byCustomer.values()) {
            LocalDate last = lines.stream().map(Line::date).max(LocalDate::compareTo).orElseThrow();
            recency[i] = ChronoUnit.DAYS.between(last, day);
            frequency[i] = lines.stream().filter(Line::isPurchase).count();
            monetary[i] = lines.stream().filter(Line::isPurchase).mapToLong(Line::cents).sum();
            i++;
        }
        // recency is better when smaller: negate it so that every dimension is better when larger
        int[] r = scores(Arrays.stream(recency).map(value -> -value).toArray());
        int[] f = scores(frequency);
        int[] m = scores(monetary);
        int[][] perScore = new int[3][5];
        Map<String, Integer> segments = new TreeMap<>();
        for (int c = 0; c < n; c++) {
            perScore[0][r[c] - 1]++;
            perScore[1][f[c] - 1]++;
            perScore[2][m[c] - 1]++;
            segments.merge(SEGMENTS_BY_R_THEN_FM[r[c] - 1][(f[c] + m[c] + 1) / 2 - 1], 1, Integer::sum);
        }
        return new Counts(perScore[0], perScore[1], perScore[2], segments);
    }

    /** Scores where larger is better: {@code worse} = how many values are strictly smaller. */
    static int[] scores(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            long worse = countBelow(sorted, values[i]);
            scores[i] = (int) (1 + 5 * worse / values.length);
        }
        return scores;
    }

    private static int countBelow(long[] sorted, long value) {
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
}
