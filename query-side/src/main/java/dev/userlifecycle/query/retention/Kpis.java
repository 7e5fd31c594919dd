package dev.userlifecycle.query.retention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Growth figures of the window [{@code from}, {@code to}], which is also the end of the data: nothing after
 * {@code to} counts, so the figures of a past window do not change. Shares have four decimals, rounded half up, and
 * are {@code null} when there is nobody to take a share of.
 *
 * @param activeUsers        distinct users with an active day in the window (registering and purchasing are
 *                           activity)
 * @param registeredUsers    users who registered in the window
 * @param activationRate     of the users registered in the window, the share activated on or before {@code to}
 * @param nextDayRetention   of the users registered in the window whose next day is in it too (so not on
 *                           {@code to}), the share active on the day after their registration day
 * @param averageOrderValue  the amount of the purchases made in the window divided by their number, in the
 *                           platform's currency with two decimals
 * @param repeatPurchaseRate of the users with a purchase in the window, the share with two or more in it
 * @param viralCoefficient   K-factor of the window's new users: how many users registered by {@code to} with one of
 *                           them as referrer, per user registered in the window (10 new users who bring 4 more
 *                           give 0.4; above 1 every generation of users brings a larger one)
 */
public record Kpis(
        LocalDate from,
        LocalDate to,
        int activeUsers,
        int registeredUsers,
        BigDecimal activationRate,
        BigDecimal nextDayRetention,
        BigDecimal averageOrderValue,
        BigDecimal repeatPurchaseRate,
        BigDecimal viralCoefficient) {

    private static final int MONEY_SCALE = 2;

    public static Kpis compute(Collection<UserFacts> users, LocalDate from, LocalDate to) {
        CohortTable.requireOrdered(from, to, to);
        int first = (int) from.toEpochDay();
        int last = (int) to.toEpochDay();
        int active = 0;
        int registered = 0;
        int activated = 0;
        int nextDayEligible = 0;
        int nextDayActive = 0;
        int purchases = 0;
        long spent = 0;
        int buyers = 0;
        int repeatBuyers = 0;
        Map<String, Integer> referralsByReferrer = new HashMap<>();
        for (UserFacts user : users) {
            int[] days = user.activeDays();
            int at = Days.firstAtOrAfter(days, first);
            if (at < days.length && days[at] <= last) {
                active++;
            }
            int registeredDay = user.registeredDay();
            if (registeredDay >= first && registeredDay <= last) {
                registered++;
                if (user.activatedDay() != UserFacts.NONE && user.activatedDay() <= last) {
                    activated++;
                }
                if (registeredDay < last) {
                    nextDayEligible++;
                    if (user.isActiveOn(registeredDay + 1)) {
                        nextDayActive++;
                    }
                }
                if (user.referrerId() != null) {
                    referralsByReferrer.merge(user.referrerId(), 1, Integer::sum);
                }
            }
            int[] purchaseDays = user.purchaseDays();
            int bought = 0;
            for (int p = Days.firstAtOrAfter(purchaseDays, first); p < purchaseDays.length; p++) {
                if (purchaseDays[p] > last) {
                    break;
                }
                spent += user.purchaseAmounts()[p];
                bought++;
            }
            purchases += bought;
            buyers += bought > 0 ? 1 : 0;
            repeatBuyers += bought > 1 ? 1 : 0;
        }
        return new Kpis(from, to, active, registered, Rates.of(activated, registered),
                        Rates.of(nextDayActive, nextDayEligible),
                        Rates.ratio(BigDecimal.valueOf(spent, MONEY_SCALE), purchases, MONEY_SCALE),
                        Rates.of(repeatBuyers, buyers),
                        Rates.of(referredByNewUsers(users, referralsByReferrer, first, last), registered));
    }

    /**
     * The same figures as {@link #compute}, from the precomputed {@link KpiDay}s of the window's days (days outside it
     * are ignored): a sum over days, never a pass over users.
     */
    public static Kpis fromDays(Collection<KpiDay> days, LocalDate from, LocalDate to) {
        CohortTable.requireOrdered(from, to, to);
        int first = (int) from.toEpochDay();
        int last = (int) to.toEpochDay();
        long active = 0;
        long registered = 0;
        long activated = 0;
        long nextDayEligible = 0;
        long nextDayActive = 0;
        long purchases = 0;
        long cents = 0;
        long buyers = 0;
        long repeatBuyers = 0;
        long referred = 0;
        for (KpiDay day : days) {
            int d = day.day();
            if (d < first || d > last) {
                continue;
            }
            registered += day.registered();
            activated += sum(day.activations(), daysToActivation -> daysToActivation <= last - d);
            if (d < last) {
                nextDayEligible += day.registered();
                nextDayActive += day.nextDayActive();
            }
            purchases += day.purchases();
            cents += day.cents();
            // a user's first active day in the window is the one whose previous active day lies before the window
            active += sum(day.activeGaps(), gap -> gap == 0 || gap > d - first);
            long[] buys = day.buys();
            for (int i = 0; i < buys.length; i += 2) {
                int back = KpiDay.back(buys[i]);
                if (back == 0 || back > d - first) {
                    buyers += buys[i + 1];
                    int forward = KpiDay.forward(buys[i]);
                    if (forward >= 0 && forward <= last - d) {
                        repeatBuyers += buys[i + 1];
                    }
                }
            }
            // the referred user registered in the window too (before the referrer only in made-up histories)
            referred += sum(day.referrals(), daysAfterReferrer -> daysAfterReferrer >= first - d
                                                                  && daysAfterReferrer <= last - d);
        }
        return new Kpis(from, to, Math.toIntExact(active), Math.toIntExact(registered),
                        Rates.of(activated, registered), Rates.of(nextDayActive, nextDayEligible),
                        Rates.ratio(BigDecimal.valueOf(cents, MONEY_SCALE), purchases, MONEY_SCALE),
                        Rates.of(repeatBuyers, buyers), Rates.of(referred, registered));
    }

    private static long sum(long[] pairs, LongPredicate keyCounts) {
        long total = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            if (keyCounts.test(pairs[i])) {
                total += pairs[i + 1];
            }
        }
        return total;
    }

    /**
     * A referred user registers after the referrer, so the users referred by the window's new users registered in
     * the window too: a second pass looks the window's referrers up among its new users.
     */
    private static long referredByNewUsers(Collection<UserFacts> users, Map<String, Integer> referralsByReferrer,
                                           int first, int last) {
        if (referralsByReferrer.isEmpty()) {
            return 0;
        }
        long referred = 0;
        for (UserFacts user : users) {
            if (user.registeredDay() >= first && user.registeredDay() <= last) {
                referred += referralsByReferrer.getOrDefault(user.userId(), 0);
            }
        }
        return referred;
    }

}
