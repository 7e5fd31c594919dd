package dev.userlifecycle.events;

/**
 * One of the four layers in a layering run.
 *
 * @param layer    {@code VALUE_CONTRIBUTOR}, {@code POTENTIAL_GROWER}, {@code MAINTAIN} or {@code CHURN_WARNING}
 * @param count    its users
 * @param share    its users as a fraction of the run's users
 * @param centroid the count-weighted mean of the centroids of its clusters; {@code null} for a layer without users
 */
public record LayerShare(String layer, long count, double share, LayeringFeatures centroid) {
}
