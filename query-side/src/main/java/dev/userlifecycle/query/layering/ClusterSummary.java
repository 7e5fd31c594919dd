package dev.userlifecycle.query.layering;

/**
 * One cluster of a layering run.
 *
 * @param cluster  its number, 0 to k - 1, in the order of {@link Layer} and, within a layer, most recent first
 * @param layer    the layer its users are in
 * @param centroid its center in the units of {@link UserFeatures}
 * @param count    its users
 * @param share    its users as a fraction of all users
 */
public record ClusterSummary(int cluster, Layer layer, Centroid centroid, int count, double share) {
}
