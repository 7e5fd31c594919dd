package dev.userlifecycle.events;

/**
 * The features layering clusters on, as of a run's {@code asOfDay}: a user's own values (the "why" of the user's
 * layer), or the centroid of a cluster or layer.
 *
 * @param recencyDays  days from the last active day to the {@code asOfDay}
 * @param activeDays30 active days among the 30 days up to the {@code asOfDay}
 * @param activeDays90 active days among the 90 days up to the {@code asOfDay}
 * @param frequency    purchases up to the {@code asOfDay}
 * @param monetary     their total in the currency's major unit
 */
public record LayeringFeatures(double recencyDays, double activeDays30, double activeDays90, double frequency,
                               double monetary) {
}
