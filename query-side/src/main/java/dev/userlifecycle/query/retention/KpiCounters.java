package dev.userlifecycle.query.retention;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/** The {@link KpiDay} of every day, kept current by replacing a user's old contribution by the new one. */
final class KpiCounters {

    private final Map<Integer, Tally> days = new HashMap<>();

    /**
     * Adds ({@code sign} 1) or removes (-1) the user's contribution, telling {@code touched} every day it concerns.
     * {@code referrerRegisteredDay} is the registration day of the user's referrer, {@link UserFacts#NONE} without.
     */
    void add(UserFacts user, int referrerRegisteredDay, int sign, IntConsumer touched) {
        int registered = user.registeredDay();
        Tally registration = tally(registered, touched);
        registration.registered += sign;
        if (user.activatedDay() != UserFacts.NONE) {
            registration.activations.add(Math.max(0, user.activatedDay() - registered), sign);
        }
        if (user.isActiveOn(registered + 1)) {
            registration.nextDayActive += sign;
        }
        if (referrerRegisteredDay != UserFacts.NONE) {
            tally(referrerRegisteredDay, touched).referrals.add(registered - referrerRegisteredDay, sign);
        }
        int[] active = user.activeDays();
        for (int i = 0; i < active.length; i++) {
            tally(active[i], touched).activeGaps.add(i == 0 ? 0 : active[i] - active[i - 1], sign);
        }
        addPurchases(user, sign, touched);
    }

    private void addPurchases(UserFacts user, int sign, IntConsumer touched) {
        int[] days = user.purchaseDays();
        int previousDay = UserFacts.NONE;
        for (int i = 0; i < days.length; i++) {
            Tally tally = tally(days[i], touched);
            tally.purchases += sign;
            tally.cents += sign * user.purchaseAmounts()[i];
            if (days[i] == previousDay) {
                continue;
            }
            int back = previousDay == UserFacts.NONE ? 0 : days[i] - previousDay;
            int forward = i + 1 < days.length ? days[i + 1] - days[i] : -1;
            tally.buys.add(KpiDay.buyKey(back, forward), sign);
            previousDay = days[i];
        }
    }

    private Tally tally(int day, IntConsumer touched) {
        touched.accept(day);
        return days.computeIfAbsent(day, Tally::new);
    }

    Set<Integer> days() {
        return days.keySet();
    }

    /** The counters of one day, or {@code null} when nothing happened on it. */
    KpiDay day(int day) {
        Tally tally = days.get(day);
        return tally == null ? null : tally.toDay();
    }

    private static final class Tally {

        private final int day;
        private int registered;
        private int nextDayActive;
        private int purchases;
        private long cents;
        private final SparseCounts activations = new SparseCounts();
        private final SparseCounts activeGaps = new SparseCounts();
        private final SparseCounts buys = new SparseCounts();
        private final SparseCounts referrals = new SparseCounts();

        Tally(int day) {
            this.day = day;
        }

        KpiDay toDay() {
            return new KpiDay(day, registered, nextDayActive, purchases, cents, activations.toPairs(),
                              activeGaps.toPairs(), buys.toPairs(), referrals.toPairs());
        }
    }
}
