package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The counters of the users who started on one day (of one {@link CohortBasis}), from which {@link CohortCounts}
 * rolls up cohort tables of any shape: a projection keeps one such document per basis and start day, and recomputes
 * it from the facts of that day's users whenever one of them changes, which makes the write idempotent. Offsets are
 * counted from the start day's own bucket, as in {@link CohortTable}; the arrays stop at {@code asOf}, and a
 * document recomputed before later days is still exact for them as long as none of its users was active since.
 *
 * @param startDay     the users' start day, an epoch day
 * @param asOf         the end of the data the counters were computed from
 * @param size         the users who started on {@code startDay}
 * @param activeDays   per offset in days, the users active on that day
 * @param activeWeeks  per offset in ISO weeks, the users active in that week
 * @param activeMonths per offset in calendar months, the users active in that month
 * @param lastActive   per offset in days, the users whose last active day it is: what "on or after" needs, since
 *                     counts of distinct users per period cannot tell whether a user comes back later
 */
public record CohortDayCounts(
        int startDay,
        LocalDate asOf,
        int size,
        int[] activeDays,
        int[] activeWeeks,
        int[] activeMonths,
        int[] lastActive) {

    /** The counters of {@code starters}, every one of whom starts on {@code startDay} in {@code basis}. */
    public static CohortDayCounts of(CohortBasis basis, int startDay, Collection<UserFacts> starters,
                                     LocalDate asOf) {
        Tally tally = new Tally(startDay, (int) asOf.toEpochDay());
        for (UserFacts user : starters) {
            if (basis.startDay(user) != startDay) {
                throw new IllegalArgumentException(user.userId() + " does not start on " + LocalDate.ofEpochDay(
                        startDay));
            }
            tally.add(user);
        }
        return tally.toCounts(asOf);
    }

    /** Users active in period {@code offset} of {@code period} after the start, 0 beyond the arrays. */
    int activeAt(Granularity period, int offset) {
        int[] counts = switch (period) {
            case DAY -> activeDays;
            case WEEK -> activeWeeks;
            case MONTH -> activeMonths;
        };
        return offset < counts.length ? counts[offset] : 0;
    }

    /** Adds up users of one start day; {@link CohortCounts} keeps one per day while it reads all users once. */
    static final class Tally {

        private final int startDay;
        private final int lastDay;
        private int size;
        private final int[] activeDays;
        private final int[] activeWeeks;
        private final int[] activeMonths;
        private final int[] lastActive;

        Tally(int startDay, int lastDay) {
            if (startDay > lastDay) {
                throw new IllegalArgumentException("nobody starts after the end of the data");
            }
            this.startDay = startDay;
            this.lastDay = lastDay;
            activeDays = new int[lastDay - startDay + 1];
            activeWeeks = new int[offset(Granularity.WEEK, lastDay) + 1];
            activeMonths = new int[offset(Granularity.MONTH, lastDay) + 1];
            lastActive = new int[activeDays.length];
        }

        void add(UserFacts user) {
            size++;
            int[] days = user.activeDays();
            int previousWeek = -1;
            int previousMonth = -1;
            int at = Days.firstAtOrAfter(days, startDay);
            for (; at < days.length && days[at] <= lastDay; at++) {
                activeDays[days[at] - startDay]++;
                int week = offset(Granularity.WEEK, days[at]);
                if (week != previousWeek) {
                    activeWeeks[week]++;
                    previousWeek = week;
                }
                int month = offset(Granularity.MONTH, days[at]);
                if (month != previousMonth) {
                    activeMonths[month]++;
                    previousMonth = month;
                }
            }
            lastActive[days[at - 1] - startDay]++;
        }

        CohortDayCounts toCounts(LocalDate asOf) {
            return new CohortDayCounts(startDay, asOf, size, activeDays, activeWeeks, activeMonths, lastActive);
        }

        private int offset(Granularity period, int day) {
            return period.index(day) - period.index(startDay);
        }
    }
}
