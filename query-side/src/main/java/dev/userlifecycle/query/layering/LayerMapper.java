package dev.userlifecycle.query.layering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Names the clusters of a k-means run by layer, from their centers alone.
 *
 * <p>The rule works on the centers in the standardized space that was clustered, where the
 * features are comparable; every comparison of recency there orders clusters exactly as their
 * recency in days would, because scaling only ever stretches a feature, never reverses it. With
 * {@code value = z(frequency) + z(monetary) - z(recency)} (high spend, many purchases, recent):
 * <ol>
 *   <li>{@link Layer#CHURN_WARNING}: the cluster with the largest recency, i.e. the longest
 *       inactive (on a tie, the lower value);</li>
 *   <li>{@link Layer#VALUE_CONTRIBUTOR}: of the others, the highest value (on a tie, the more recent);</li>
 *   <li>{@link Layer#POTENTIAL_GROWER}: of the rest, the most recent (on a tie, the lower value:
 *       recent but not yet valuable);</li>
 *   <li>{@link Layer#MAINTAIN}: every cluster left.</li>
 * </ol>
 * Remaining ties go to the lower cluster index. So K = 4 uses every layer once, K = 3 leaves
 * {@link Layer#MAINTAIN} empty, and K = 5 puts two clusters into {@link Layer#MAINTAIN}.
 */
final class LayerMapper {

    static final int MIN_K = 3;
    static final int MAX_K = 5;

    private LayerMapper() {
    }

    /** The layer of each cluster, by cluster index. */
    static Layer[] layers(Clustering clustering) {
        int k = clustering.k();
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("layers are mapped from " + MIN_K + " to " + MAX_K + " clusters, got " + k);
        }
        List<Integer> unmapped = new ArrayList<>();
        for (int cluster = 0; cluster < k; cluster++) {
            unmapped.add(cluster);
        }
        Comparator<Integer> byRecency = Comparator.comparingDouble(cluster -> recency(clustering, cluster));
        Comparator<Integer> byValue = Comparator.comparingDouble(cluster -> value(clustering, cluster));
        Comparator<Integer> byIndex = Comparator.naturalOrder();

        Layer[] layers = new Layer[k];
        take(unmapped, byRecency.reversed().thenComparing(byValue).thenComparing(byIndex), layers, Layer.CHURN_WARNING);
        take(unmapped, byValue.reversed().thenComparing(byRecency).thenComparing(byIndex), layers, Layer.VALUE_CONTRIBUTOR);
        take(unmapped, byRecency.thenComparing(byValue).thenComparing(byIndex), layers, Layer.POTENTIAL_GROWER);
        unmapped.forEach(cluster -> layers[cluster] = Layer.MAINTAIN);
        return layers;
    }

    private static void take(List<Integer> unmapped, Comparator<Integer> firstIsBest, Layer[] layers, Layer layer) {
        Integer cluster = unmapped.stream().min(firstIsBest).orElseThrow();
        unmapped.remove(cluster);
        layers[cluster] = layer;
    }

    private static double recency(Clustering clustering, int cluster) {
        return clustering.center(cluster, Feature.RECENCY_DAYS.column());
    }

    private static double value(Clustering clustering, int cluster) {
        return clustering.center(cluster, Feature.FREQUENCY.column())
                + clustering.center(cluster, Feature.MONETARY.column())
                - recency(clustering, cluster);
    }
}
