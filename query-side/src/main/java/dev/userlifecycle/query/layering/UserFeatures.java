package dev.userlifecycle.query.layering;

import java.util.Objects;

/**
 * What layering knows of one user, all as of one business time.
 *
 * @param userId       the user
 * @param recencyDays  days from the user's last activity (or purchase) to the business time
 * @param activeDays30 calendar days with activity among the last 30
 * @param activeDays90 calendar days with activity among the last 90
 * @param frequency    number of purchases up to the business time
 * @param monetary     total spent up to the business time, in the platform currency's major unit;
 *                     a {@code double} because layering is statistics over it, not accounting
 */
public record UserFeatures(
        String userId,
        double recencyDays,
        int activeDays30,
        int activeDays90,
        int frequency,
        double monetary) {

    public UserFeatures {
        Objects.requireNonNull(userId, "userId");
        requireFiniteNonNegative("recencyDays", recencyDays);
        requireFiniteNonNegative("monetary", monetary);
        if (activeDays30 < 0 || activeDays30 > 30) {
            throw new IllegalArgumentException("activeDays30 must be within 0..30: " + activeDays30);
        }
        if (activeDays90 < activeDays30 || activeDays90 > 90) {
            throw new IllegalArgumentException(
                    "activeDays90 must be within activeDays30 (" + activeDays30 + ")..90: " + activeDays90);
        }
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must not be negative: " + frequency);
        }
        // -0.0 would sort before 0.0 and break the tie rules of the quintile scores
        recencyDays += 0.0;
        monetary += 0.0;
    }

    private static void requireFiniteNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0: " + value);
        }
    }
}
