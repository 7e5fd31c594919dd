package dev.userlifecycle.query.retention;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/** Registrations per day and the {@link DormancyDay}s, kept current by replacing a user's contribution. */
final class ChurnCounters {

    private final SparseCounts registrations = new SparseCounts();
    private final Map<Integer, SparseCounts> dormancies = new HashMap<>();

    void register(int day, int sign) {
        registrations.add(day, sign);
    }

    /** Adds ({@code sign} 1) or removes (-1) the user's dormancies, telling {@code touched} every day it concerns. */
    void addDormancies(WinBackFacts user, int sign, IntConsumer touched) {
        int[] days = user.dormancyDays();
        for (int i = 0; i < days.length; i++) {
            touched.accept(days[i]);
            SparseCounts counts = dormancies.computeIfAbsent(days[i], day -> new SparseCounts());
            counts.add(DormancyDay.key(user.registeredDay(), i == 0 ? 0 : days[i] - days[i - 1]), sign);
            if (counts.isEmpty()) {
                dormancies.remove(days[i]);
            }
        }
    }

    /** Users per registration day, in pairs day, count, … in order of days. */
    long[] registrations() {
        return registrations.toPairs();
    }

    Set<Integer> dormancyDays() {
        return dormancies.keySet();
    }

    /** The dormancies of one day, {@code null} when nobody went dormant on it. */
    DormancyDay dormancyDay(int day) {
        SparseCounts counts = dormancies.get(day);
        return counts == null ? null : new DormancyDay(day, counts.toPairs());
    }
}
