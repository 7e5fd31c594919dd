package dev.userlifecycle.events;

/**
 * One k-means cluster of a layering run.
 *
 * @param cluster  its number, 0 to k - 1, best layer first
 * @param layer    the layer its users are in
 * @param count    its users
 * @param share    its users as a fraction of the run's users
 * @param centroid its center in the units of {@link LayeringFeatures}
 */
public record LayeringCluster(int cluster, String layer, long count, double share, LayeringFeatures centroid) {
}
