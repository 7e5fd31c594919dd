package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of a {@link CohortTable} while they are added up, per cohort row and period offset, in primitive arrays.
 * Users are added one by one ({@link #add(UserFacts)}) or, from precomputed counters, a start day at a time.
 */
final class CohortAccumulator {

    private final CohortBasis basis;
    private final Granularity cohort;
    private final Granularity period;
    private final RetentionMode mode;
    private final LocalDate from;
    private final LocalDate to;
    private final LocalDate asOf;
    private final int firstRow;
    private final int lastDay;
    private final int lastPeriod;
    private final int[] sizes;
    /** Per row and offset: users whose last eligible period is that offset. */
    private final int[][] horizons;
    /** Per row and offset: ON, users active in that period; ON_OR_AFTER, users whose last active period it is. */
    private final int[][] active;

    CohortAccumulator(CohortBasis basis, Granularity cohort, Granularity period, RetentionMode mode,
                      LocalDate from, LocalDate to, LocalDate asOf) {
        CohortTable.requireOrdered(from, to, asOf);
        this.basis = basis;
        this.cohort = cohort;
        this.period = period;
        this.mode = mode;
        this.from = from;
        this.to = to;
        this.asOf = asOf;
        firstRow = cohort.firstIndexFrom((int) from.toEpochDay());
        int rows = cohort.index((int) to.toEpochDay()) - firstRow + 1;
        lastDay = (int) asOf.toEpochDay();
        lastPeriod = period.index(lastDay);
        sizes = new int[Math.max(rows, 0)];
        horizons = new int[sizes.length][];
        active = new int[sizes.length][];
        for (int row = 0; row < sizes.length; row++) {
            int width = lastPeriod - period.index(cohort.startOf(firstRow + row)) + 1;
            horizons[row] = new int[width];
            active[row] = new int[width];
        }
    }

    /** The row of users starting on {@code startDay}, or -1 when they are outside the table. */
    int row(int startDay) {
        if (startDay == UserFacts.NONE || startDay > lastDay) {
            return -1;
        }
        int row = cohort.index(startDay) - firstRow;
        return row >= 0 && row < sizes.length ? row : -1;
    }

    void add(UserFacts user) {
        int start = basis.startDay(user);
        int row = row(start);
        if (row < 0) {
            return;
        }
        addStarters(row, start, 1);
        int startPeriod = period.index(start);
        if (mode == RetentionMode.ON_OR_AFTER) {
            active[row][period.index(user.lastActiveDayUntil(lastDay)) - startPeriod]++;
            return;
        }
        int[] days = user.activeDays();
        int previous = -1;
        for (int at = Days.firstAtOrAfter(days, start); at < days.length && days[at] <= lastDay; at++) {
            int offset = period.index(days[at]) - startPeriod;
            if (offset != previous) {
                active[row][offset]++;
                previous = offset;
            }
        }
    }

    /** {@code count} users who start on {@code startDay}, which must belong to {@code row}. */
    void addStarters(int row, int startDay, int count) {
        sizes[row] += count;
        horizons[row][lastPeriod - period.index(startDay)] += count;
    }

    /**
     * Users of {@code row} counted at {@code offset}: active in that period for ON, whose last active period it is
     * for ON_OR_AFTER.
     */
    void addActive(int row, int offset, int count) {
        active[row][offset] += count;
    }

    int lastDay() {
        return lastDay;
    }

    CohortTable toTable() {
        List<CohortRow> rows = new ArrayList<>(sizes.length);
        for (int row = 0; row < sizes.length; row++) {
            int[] eligible = suffixSums(horizons[row]);
            int[] retained = mode == RetentionMode.ON ? active[row] : suffixSums(active[row]);
            int width = eligible.length;
            while (width > 0 && eligible[width - 1] == 0) {
                width--;
            }
            List<BigDecimal> rates = new ArrayList<>(width);
            for (int offset = 0; offset < width; offset++) {
                rates.add(Rates.of(retained[offset], eligible[offset]));
            }
            rows.add(new CohortRow(LocalDate.ofEpochDay(cohort.startOf(firstRow + row)), sizes[row],
                                   boxed(retained, width), boxed(eligible, width), rates));
        }
        return new CohortTable(basis, cohort, period, mode, from, to, asOf, rows);
    }


    private static int[] suffixSums(int[] counts) {
        int[] sums = new int[counts.length];
        int sum = 0;
        for (int i = counts.length - 1; i >= 0; i--) {
            sum += counts[i];
            sums[i] = sum;
        }
        return sums;
    }

    private static List<Integer> boxed(int[] values, int length) {
        return Arrays.stream(values, 0, length).boxed().toList();
    }
}
