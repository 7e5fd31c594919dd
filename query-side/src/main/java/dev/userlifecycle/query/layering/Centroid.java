package dev.userlifecycle.query.layering;

/**
 * The center of a cluster in the units of {@link UserFeatures}: the k-means center with the
 * z-scoring (and, under {@link FeatureScaling#LOG_SKEWED_THEN_Z_SCORE}, the logarithm) undone.
 * Under {@link FeatureScaling#Z_SCORE} that is the mean of the cluster's users; on a log scale it
 * is {@code exp(mean(log(1 + x))) - 1} for the long-tailed features, a typical value that the
 * cluster's few largest spenders do not pull up.
 */
public record Centroid(double recencyDays, double activeDays30, double activeDays90, double frequency, double monetary) {
}
