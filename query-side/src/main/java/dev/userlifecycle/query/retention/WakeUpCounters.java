package dev.userlifecycle.query.retention;

import dev.userlifecycle.events.WakeUpOutcome;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/** The {@link WakeUpDay} of every day with entries, kept current by replacing a user's old contribution by the new. */
final class WakeUpCounters {

    private final Map<Integer, Tally> days = new HashMap<>();

    /** Adds ({@code sign} 1) or removes (-1) the user's entries, telling {@code touched} every day it concerns. */
    void add(WinBackFacts user, int sign, IntConsumer touched) {
        for (WakeUpEntry entry : user.wakeUps()) {
            int day = entry.enteredDay();
            touched.accept(day);
            Tally tally = days.computeIfAbsent(day, d -> new Tally());
            tally.add(entry, sign);
            if (tally.treatment[0] == 0 && tally.holdout[0] == 0) {
                days.remove(day);
            }
        }
    }

    Set<Integer> days() {
        return days.keySet();
    }

    /** The counters of one day, {@code null} when nobody entered on it. */
    WakeUpDay day(int day) {
        Tally tally = days.get(day);
        return tally == null ? null : tally.toDay(day);
    }

    private static final class Tally {

        // entered, reactivated, expired
        private final int[] treatment = new int[3];
        private final int[] holdout = new int[3];
        private final Map<String, Integer> contacted = new HashMap<>();
        private final Map<WakeUpEntry.Skip, Integer> skipped = new HashMap<>();

        void add(WakeUpEntry entry, int sign) {
            int[] group = entry.holdout() ? holdout : treatment;
            group[0] += sign;
            if (entry.outcome() == WakeUpOutcome.REACTIVATED) {
                group[1] += sign;
            } else if (entry.outcome() == WakeUpOutcome.EXPIRED) {
                group[2] += sign;
            }
            // a holdout entry is not contacted by design: its steps are skipped as HOLDOUT and tell nothing
            if (!entry.holdout()) {
                entry.contacted().forEach(step -> contacted.merge(step, sign, Tally::sumOrNull));
                entry.skipped().forEach(skip -> skipped.merge(skip, sign, Tally::sumOrNull));
            }
        }

        private static Integer sumOrNull(Integer a, Integer b) {
            return a + b == 0 ? null : a + b;
        }

        WakeUpDay toDay(int day) {
            return new WakeUpDay(day, outcomes(treatment), outcomes(holdout), new TreeMap<>(contacted),
                                 new TreeMap<>(skipped));
        }

        private static WakeUpDay.Outcomes outcomes(int[] group) {
            return new WakeUpDay.Outcomes(group[0], group[1], group[2]);
        }
    }
}
