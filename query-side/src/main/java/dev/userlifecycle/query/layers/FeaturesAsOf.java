package dev.userlifecycle.query.layers;

import dev.userlifecycle.query.layering.UserFeatures;
import dev.userlifecycle.query.retention.UserFacts;

import java.util.Arrays;

/** A user's layering features as of the end of a business day: nothing after that day counts. */
public final class FeaturesAsOf {

    private FeaturesAsOf() {
    }

    /**
     * The features of {@code facts} as of epoch day {@code day}, or {@code null} for a user registered after it.
     * Recency counts whole days from the last active day on or before {@code day}; the active-day windows end on
     * {@code day} and hold 30 and 90 days; frequency and monetary take the purchases on or before {@code day}.
     */
    public static UserFeatures of(UserFacts facts, int day) {
        if (facts.registeredDay() > day) {
            return null;
        }
        int[] active = facts.activeDays();
        int activeUntil = countAtOrBefore(active, day);
        // the registration day is an active day, so there is one on or before the day
        int lastActive = active[activeUntil - 1];
        int active30 = activeUntil - countAtOrBefore(active, day - 30);
        int active90 = activeUntil - countAtOrBefore(active, day - 90);
        int purchases = countAtOrBefore(facts.purchaseDays(), day);
        long cents = 0;
        for (int i = 0; i < purchases; i++) {
            cents += facts.purchaseAmounts()[i];
        }
        return new UserFeatures(facts.userId(), day - lastActive, active30, active90, purchases, cents / 100.0);
    }

    /** How many of the sorted {@code days} are {@code day} or earlier. */
    private static int countAtOrBefore(int[] days, int day) {
        int at = Arrays.binarySearch(days, day);
        if (at < 0) {
            return -at - 1;
        }
        // purchase days repeat: step past every copy of the day
        while (at + 1 < days.length && days[at + 1] == day) {
            at++;
        }
        return at + 1;
    }
}
