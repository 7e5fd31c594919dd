package dev.userlifecycle.query.retention;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the retention computations know of one user, with days as epoch days ({@link LocalDate#toEpochDay()}) of the
 * platform's time zone: a few primitive arrays per user, so that a million users fit in some hundred megabytes.
 * Build it with {@link UserFactsBuilder}, from events or from days.
 *
 * @param userId          the user
 * @param registeredDay   the day of registration
 * @param activatedDay    the day of activation, or {@link #NONE}
 * @param activeDays      every day with any activity, strictly increasing; registering and purchasing are activity, so
 *                        it holds {@code registeredDay} and every purchase day
 * @param purchaseDays    the day of every purchase, in increasing order (one entry per purchase)
 * @param purchaseAmounts the amount of each purchase of {@code purchaseDays}, in hundredths of the platform's currency
 * @param referrerId      the user who referred this one, or {@code null}
 */
public record UserFacts(
        String userId,
        int registeredDay,
        int activatedDay,
        int[] activeDays,
        int[] purchaseDays,
        long[] purchaseAmounts,
        String referrerId) {

    /** Stands for a day that has not happened (no activation, no first purchase). */
    public static final int NONE = Integer.MIN_VALUE;

    public UserFacts {
        Objects.requireNonNull(userId, "userId");
        if (purchaseDays.length != purchaseAmounts.length) {
            throw new IllegalArgumentException("one amount per purchase day");
        }
        for (int i = 1; i < activeDays.length; i++) {
            if (activeDays[i] <= activeDays[i - 1]) {
                throw new IllegalArgumentException("active days must be strictly increasing");
            }
        }
        for (int i = 1; i < purchaseDays.length; i++) {
            if (purchaseDays[i] < purchaseDays[i - 1]) {
                throw new IllegalArgumentException("purchase days must be in increasing order");
            }
        }
        requireActiveOn(activeDays, registeredDay);
        for (int day : purchaseDays) {
            requireActiveOn(activeDays, day);
        }
    }

    private static void requireActiveOn(int[] activeDays, int day) {
        if (Arrays.binarySearch(activeDays, day) < 0) {
            throw new IllegalArgumentException("days of registration and purchases are active days, "
                                                       + LocalDate.ofEpochDay(day) + " is missing");
        }
    }

    /** The day of the first purchase, or {@link #NONE}. */
    public int firstPurchaseDay() {
        return purchaseDays.length == 0 ? NONE : purchaseDays[0];
    }

    /** The first day with any activity: the day of registration unless activity was backfilled before it. */
    public int firstActiveDay() {
        return activeDays[0];
    }

    /** The last active day on or before {@code day}, or {@link #NONE}. */
    int lastActiveDayUntil(int day) {
        int at = Arrays.binarySearch(activeDays, day);
        int last = at >= 0 ? at : -at - 2;
        return last < 0 ? NONE : activeDays[last];
    }

    boolean isActiveOn(int day) {
        return Arrays.binarySearch(activeDays, day) >= 0;
    }

    // a record compares arrays by identity; facts are values
    @Override
    public boolean equals(Object other) {
        return other instanceof UserFacts that
                && userId.equals(that.userId) && registeredDay == that.registeredDay
                && activatedDay == that.activatedDay && Arrays.equals(activeDays, that.activeDays)
                && Arrays.equals(purchaseDays, that.purchaseDays)
                && Arrays.equals(purchaseAmounts, that.purchaseAmounts)
                && Objects.equals(referrerId, that.referrerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, registeredDay, Arrays.hashCode(activeDays));
    }

    @Override
    public String toString() {
        return "UserFacts[" + userId + ", registered " + LocalDate.ofEpochDay(registeredDay)
                + ", active on " + activeDays.length + " days, " + purchaseDays.length + " purchases"
                + (referrerId == null ? "" : ", referred by " + referrerId) + "]";
    }
}
