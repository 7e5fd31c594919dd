package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link CohortDayCounts} of every start day of both bases, kept current as users' facts change: a user's
 * contribution is what {@link CohortDayCounts.Tally} adds for them, and a change replaces the old contribution by
 * the new one, so the counters always equal a tally of the current facts.
 */
final class RetentionCounters {

    private final Map<CohortBasis, Map<Integer, DayCounters>> byBasis = new EnumMap<>(CohortBasis.class);

    RetentionCounters() {
        for (CohortBasis basis : CohortBasis.values()) {
            byBasis.put(basis, new HashMap<>());
        }
    }

    /** Adds ({@code sign} 1) or removes (-1) the user's contribution; answers the start day touched, or NONE. */
    int add(CohortBasis basis, UserFacts user, int sign) {
        int start = basis.startDay(user);
        if (start != UserFacts.NONE) {
            byBasis.get(basis).computeIfAbsent(start, DayCounters::new).add(user, sign);
        }
        return start;
    }

    Set<Integer> startDays(CohortBasis basis) {
        return new TreeSet<>(byBasis.get(basis).keySet());
    }

    /** The counters of one start day as of {@code asOf}, or {@code null} when nobody starts on that day. */
    CohortDayCounts day(CohortBasis basis, int startDay, LocalDate asOf) {
        DayCounters counters = byBasis.get(basis).get(startDay);
        return counters == null ? null : counters.toCounts(asOf);
    }

    private static final class DayCounters {

        private final int startDay;
        private int size;
        private final SignedCounts days = new SignedCounts();
        private final SignedCounts weeks = new SignedCounts();
        private final SignedCounts months = new SignedCounts();
        private final SignedCounts lastActive = new SignedCounts();

        DayCounters(int startDay) {
            this.startDay = startDay;
        }

        void add(UserFacts user, int sign) {
            size += sign;
            int[] active = user.activeDays();
            int previousWeek = -1;
            int previousMonth = -1;
            int at = Days.firstAtOrAfter(active, startDay);
            for (; at < active.length; at++) {
                days.add(active[at] - startDay, sign);
                int week = offset(Granularity.WEEK, active[at]);
                if (week != previousWeek) {
                    weeks.add(week, sign);
                    previousWeek = week;
                }
                int month = offset(Granularity.MONTH, active[at]);
                if (month != previousMonth) {
                    months.add(month, sign);
                    previousMonth = month;
                }
            }
            lastActive.add(active[active.length - 1] - startDay, sign);
        }

        private int offset(Granularity period, int day) {
            return period.index(day) - period.index(startDay);
        }

        CohortDayCounts toCounts(LocalDate asOf) {
            return new CohortDayCounts(startDay, asOf, size, days.toArray(), weeks.toArray(), months.toArray(),
                                       lastActive.toArray());
        }
    }
}
