package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precomputed counters of one {@link CohortBasis}, one {@link CohortDayCounts} per start day, from which
 * {@link #table} rolls up the same {@link CohortTable} as {@link CohortTable#compute} for any cohort and period
 * granularity and both modes, with {@code asOf} as the end of the data. Rolling up touches start days and offsets,
 * never users: a year of daily cohorts is a few hundred thousand additions.
 *
 * @param days the counters of every start day, each computed as of {@code asOf} or earlier (see
 *             {@link CohortDayCounts})
 */
public record CohortCounts(CohortBasis basis, LocalDate asOf, List<CohortDayCounts> days) {

    public CohortCounts {
        days = days.stream().sorted(Comparator.comparingInt(CohortDayCounts::startDay)).toList();
        for (CohortDayCounts day : days) {
            if (day.asOf().isAfter(asOf)) {
                throw new IllegalArgumentException("counters of " + LocalDate.ofEpochDay(day.startDay())
                                                           + " go beyond " + asOf);
            }
        }
    }

    /** The counters of {@code users}, read once, with {@code asOf} as the end of the data. */
    public static CohortCounts of(Collection<UserFacts> users, CohortBasis basis, LocalDate asOf) {
        int lastDay = (int) asOf.toEpochDay();
        Map<Integer, CohortDayCounts.Tally> tallies = new HashMap<>();
        for (UserFacts user : users) {
            int start = basis.startDay(user);
            if (start != UserFacts.NONE && start <= lastDay) {
                tallies.computeIfAbsent(start, day -> new CohortDayCounts.Tally(day, lastDay)).add(user);
            }
        }
        List<CohortDayCounts> days = new ArrayList<>(tallies.size());
        tallies.values().forEach(tally -> days.add(tally.toCounts(asOf)));
        return new CohortCounts(basis, asOf, days);
    }

    /** The table of cohorts starting in [{@code from}, {@code to}], as {@link CohortTable#compute} defines it. */
    public CohortTable table(Granularity cohort, Granularity period, RetentionMode mode, LocalDate from,
                             LocalDate to) {
        CohortAccumulator table = new CohortAccumulator(basis, cohort, period, mode, from, to, asOf);
        for (CohortDayCounts day : days) {
            int row = table.row(day.startDay());
            if (row < 0 || day.size() == 0) {
                continue;
            }
            table.addStarters(row, day.startDay(), day.size());
            if (mode == RetentionMode.ON) {
                int offsets = period.index(table.lastDay()) - period.index(day.startDay()) + 1;
                for (int offset = 0; offset < offsets; offset++) {
                    table.addActive(row, offset, day.activeAt(period, offset));
                }
            } else {
                addLastActive(table, row, day, period);
            }
        }
        return table.toTable();
    }

    private static void addLastActive(CohortAccumulator table, int row, CohortDayCounts day, Granularity period) {
        int startPeriod = period.index(day.startDay());
        int[] lastActive = day.lastActive();
        for (int offset = 0; offset < lastActive.length; offset++) {
            if (lastActive[offset] > 0) {
                table.addActive(row, period.index(day.startDay() + offset) - startPeriod, lastActive[offset]);
            }
        }
    }
}
