package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Precomputed counters of one interval granularity from which {@link #composition} answers the same lifecycle
 * composition as {@link LifecycleComposition#compute}, touching buckets, never users. Per bucket b, from bucket
 * {@code firstBucket} on: the users active in b, the users whose first active bucket is b, and the users active in
 * b and in b − 1. Then returning(b) is the third, resurrecting(b) = active(b) − new(b) − returning(b) and
 * dormant(b) = active(b − 1) − returning(b).
 * <p>
 * The counters hold all the data, so the interval that contains {@code to} is seen whole up to the end of the data,
 * where {@link LifecycleComposition#compute} stops at {@code to}: the two agree whenever {@code to} is the end of the
 * data or the last day of an interval.
 */
public record LifecycleCounts(Granularity interval, int firstBucket, int[] active, int[] newUsers, int[] returning) {

    public LifecycleCounts {
        if (active.length != newUsers.length || active.length != returning.length) {
            throw new IllegalArgumentException("one count of each kind per bucket");
        }
    }

    public static LifecycleCounts empty(Granularity interval) {
        return new LifecycleCounts(interval, 0, new int[0], new int[0], new int[0]);
    }

    public LifecycleComposition composition(LocalDate from, LocalDate to) {
        CohortTable.requireOrdered(from, to, to);
        int first = interval.firstIndexFrom((int) from.toEpochDay());
        int last = interval.index((int) to.toEpochDay());
        List<LifecycleInterval> rows = new ArrayList<>(Math.max(last - first + 1, 0));
        for (int bucket = first; bucket <= last; bucket++) {
            int activeNow = at(active, bucket);
            int brandNew = at(newUsers, bucket);
            int back = at(returning, bucket);
            rows.add(new LifecycleInterval(LocalDate.ofEpochDay(interval.startOf(bucket)), brandNew, back,
                                           activeNow - brandNew - back, at(active, bucket - 1) - back));
        }
        return new LifecycleComposition(interval, from, to, rows);
    }

    private int at(int[] counts, int bucket) {
        int index = bucket - firstBucket;
        return index >= 0 && index < counts.length ? counts[index] : 0;
    }
}
