package dev.userlifecycle.query.layers;

import dev.userlifecycle.events.LayerShare;
import dev.userlifecycle.events.LayeringCluster;
import dev.userlifecycle.events.LayeringFeatures;
import dev.userlifecycle.events.LayeringRunParameters;
import dev.userlifecycle.events.RfmDistribution;
import dev.userlifecycle.query.layering.Centroid;
import dev.userlifecycle.query.layering.ClusterSummary;
import dev.userlifecycle.query.layering.Layer;
import dev.userlifecycle.query.layering.LayeringParameters;
import dev.userlifecycle.query.layering.LayeringResult;
import dev.userlifecycle.query.layering.RfmSegment;
import dev.userlifecycle.query.layering.UserLayering;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a layering run as the published views show them. */
final class RunReport {

    private RunReport() {
    }

    static LayeringRunParameters parameters(LayeringParameters parameters) {
        return new LayeringRunParameters(parameters.k(), parameters.seed(), parameters.maxIterations(),
                                         parameters.scaling().name());
    }

    static List<LayeringCluster> clusters(LayeringResult result) {
        return result.clusters().stream()
                     .map(cluster -> new LayeringCluster(cluster.cluster(), cluster.layer().name(), cluster.count(),
                                                         cluster.share(), features(cluster.centroid())))
                     .toList();
    }

    /** Every layer, best first; a layer of several clusters has their count-weighted mean centroid. */
    static List<LayerShare> layers(LayeringResult result) {
        List<LayerShare> layers = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            List<ClusterSummary> clusters = result.clusters().stream().filter(c -> c.layer() == layer).toList();
            long count = clusters.stream().mapToLong(ClusterSummary::count).sum();
            double share = clusters.stream().mapToDouble(ClusterSummary::share).sum();
            layers.add(new LayerShare(layer.name(), count, share, count == 0 ? null : weightedMean(clusters, count)));
        }
        return layers;
    }

    static RfmDistribution rfm(LayeringResult result) {
        long[][] scores = new long[3][5];
        Map<String, Long> segments = new LinkedHashMap<>();
        for (RfmSegment segment : RfmSegment.values()) {
            segments.put(segment.name(), 0L);
        }
        for (UserLayering user : result.users()) {
            scores[0][user.rfm().recency() - 1]++;
            scores[1][user.rfm().frequency() - 1]++;
            scores[2][user.rfm().monetary() - 1]++;
            segments.merge(user.segment().name(), 1L, Long::sum);
        }
        return new RfmDistribution(byScore(scores[0]), byScore(scores[1]), byScore(scores[2]), segments);
    }

    private static Map<String, Long> byScore(long[] counts) {
        Map<String, Long> byScore = new LinkedHashMap<>();
        for (int score = 1; score <= 5; score++) {
            byScore.put(Integer.toString(score), counts[score - 1]);
        }
        return byScore;
    }

    private static LayeringFeatures weightedMean(List<ClusterSummary> clusters, long count) {
        if (clusters.size() == 1) {
            return features(clusters.get(0).centroid());
        }
        double[] sums = new double[5];
        for (ClusterSummary cluster : clusters) {
            Centroid c = cluster.centroid();
            double[] values = {c.recencyDays(), c.activeDays30(), c.activeDays90(), c.frequency(), c.monetary()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += values[i] * cluster.count();
            }
        }
        return new LayeringFeatures(sums[0] / count, sums[1] / count, sums[2] / count, sums[3] / count,
                                    sums[4] / count);
    }

    private static LayeringFeatures features(Centroid centroid) {
        return new LayeringFeatures(centroid.recencyDays(), centroid.activeDays30(), centroid.activeDays90(),
                                    centroid.frequency(), centroid.monetary());
    }
}
