package dev.userlifecycle.query.retention;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The {@link LifecycleCounts} of every granularity, kept current by replacing a user's old contribution. */
final class LifecycleCounters {

    private static final int ACTIVE = 0;
    private static final int NEW = 1;
    private static final int RETURNING = 2;

    private final Map<Granularity, TreeMap<Integer, int[]>> byInterval = new EnumMap<>(Granularity.class);

    LifecycleCounters() {
        for (Granularity interval : Granularity.values()) {
            byInterval.put(interval, new TreeMap<>());
        }
    }

    void add(UserFacts user, int sign) {
        for (Granularity interval : Granularity.values()) {
            TreeMap<Integer, int[]> buckets = byInterval.get(interval);
            int previous = Integer.MIN_VALUE;
            for (int day : user.activeDays()) {
                int bucket = interval.index(day);
                if (bucket == previous) {
                    continue;
                }
                int[] counts = buckets.computeIfAbsent(bucket, b -> new int[3]);
                counts[ACTIVE] += sign;
                if (previous == Integer.MIN_VALUE) {
                    counts[NEW] += sign;
                } else if (bucket == previous + 1) {
                    counts[RETURNING] += sign;
                }
                previous = bucket;
            }
        }
    }

    LifecycleCounts counts(Granularity interval) {
        TreeMap<Integer, int[]> buckets = byInterval.get(interval);
        if (buckets.isEmpty()) {
            return LifecycleCounts.empty(interval);
        }
        int first = buckets.firstKey();
        int size = buckets.lastKey() - first + 1;
        int[] active = new int[size];
        int[] newUsers = new int[size];
        int[] returning = new int[size];
        buckets.forEach((bucket, counts) -> {
            active[bucket - first] = counts[ACTIVE];
            newUsers[bucket - first] = counts[NEW];
            returning[bucket - first] = counts[RETURNING];
        });
        return new LifecycleCounts(interval, first, active, newUsers, returning);
    }
}
