package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The lifecycle composition of a window, interval by interval, with PostHog's definitions. A user is active in an
 * interval when they have an active day in it (registering and purchasing are activity); their first interval is
 * the one of their first active day, normally the day of registration. In each interval a user is
 * <ul>
 *   <li><b>new</b> when it is their first interval;</li>
 *   <li><b>returning</b> when active in it and in the previous interval;</li>
 *   <li><b>resurrecting</b> when active in it, not in the previous interval, and not new;</li>
 *   <li><b>dormant</b> when active in the previous interval and not in this one: once, in the interval after their
 *       last activity, not again in the intervals after that.</li>
 * </ul>
 * Intervals are the buckets whose first day lies in [{@code from}, {@code to}]; activity before {@code from} decides
 * the status in the first interval, activity after {@code to} is ignored (the interval holding {@code to} is seen
 * up to {@code to}).
 *
 * @param intervals one per interval, in order
 */
public record LifecycleComposition(Granularity interval, LocalDate from, LocalDate to,
                                   List<LifecycleInterval> intervals) {

    public LifecycleComposition {
        intervals = List.copyOf(intervals);
    }

    public static LifecycleComposition compute(Collection<UserFacts> users, Granularity interval, LocalDate from,
                                               LocalDate to) {
        CohortTable.requireOrdered(from, to, to);
        int lastDay = (int) to.toEpochDay();
        int firstRow = interval.firstIndexFrom((int) from.toEpochDay());
        Counts counts = new Counts(firstRow, Math.max(interval.index(lastDay) - firstRow + 1, 0));
        int lookBackDay = interval.startOf(firstRow - 1);
        for (UserFacts user : users) {
            int[] days = user.activeDays();
            int at = Days.firstAtOrAfter(days, lookBackDay);
            int firstBucket = interval.index(user.firstActiveDay());
            int previous = at > 0 ? interval.index(days[at - 1]) : Integer.MIN_VALUE;
            for (; at < days.length && days[at] <= lastDay; at++) {
                int bucket = interval.index(days[at]);
                if (bucket == previous) {
                    continue;
                }
                if (bucket == firstBucket) {
                    counts.add(counts.newUsers, bucket);
                } else if (bucket == previous + 1) {
                    counts.add(counts.returning, bucket);
                } else {
                    counts.add(counts.resurrecting, bucket);
                    counts.add(counts.dormant, previous + 1);
                }
                previous = bucket;
            }
            if (previous != Integer.MIN_VALUE) {
                counts.add(counts.dormant, previous + 1);
            }
        }
        List<LifecycleInterval> rows = new ArrayList<>(counts.size());
        for (int row = 0; row < counts.size(); row++) {
            rows.add(new LifecycleInterval(LocalDate.ofEpochDay(interval.startOf(firstRow + row)),
                                           counts.newUsers[row], counts.returning[row], counts.resurrecting[row],
                                           counts.dormant[row]));
        }
        return new LifecycleComposition(interval, from, to, rows);
    }

    private record Counts(int firstRow, int[] newUsers, int[] returning, int[] resurrecting, int[] dormant) {

        Counts(int firstRow, int rows) {
            this(firstRow, new int[rows], new int[rows], new int[rows], new int[rows]);
        }

        int size() {
            return newUsers.length;
        }

        void add(int[] counts, int bucket) {
            int row = bucket - firstRow;
            if (row >= 0 && row < counts.length) {
                counts[row]++;
            }
        }
    }
}
