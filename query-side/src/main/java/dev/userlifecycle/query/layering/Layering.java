package dev.userlifecycle.query.layering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A layering run over a population, as of the business time its features were taken at: RFM
 * scores and segments ({@link RfmScorer}, {@link RfmSegment}), k-means clusters on the prepared
 * and z-scored features ({@link FeatureScaling}, {@link KMeans}), and a layer per cluster
 * ({@link LayerMapper}).
 *
 * <p>Users are sorted by id before anything else, so the result depends on the users and the
 * parameters only, never on the order they came in; run twice, it is equal.
 */
public final class Layering {

    private Layering() {
    }

    /**
     * @throws IllegalArgumentException with fewer users than {@code parameters.k()} (an empty
     *                                  population included), or two users with the same id
     */
    public static LayeringResult run(List<UserFeatures> users, LayeringParameters parameters) {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(parameters, "parameters");
        if (users.size() < parameters.k()) {
            throw new IllegalArgumentException("layering into k = " + parameters.k()
                    + " clusters needs at least " + parameters.k() + " users, got " + users.size());
        }
        List<UserFeatures> sorted = sortedById(users);
        List<RfmScores> rfm = RfmScorer.score(sorted);

        double[] points = points(sorted, parameters.scaling());
        Standardization standardization = Standardization.of(points, Feature.COUNT);
        standardization.applyInPlace(points);
        Clustering clustering = KMeans.fit(points, Feature.COUNT, parameters.k(), parameters.seed(), parameters.maxIterations());
        Layer[] layers = LayerMapper.layers(clustering);
        int[] numbers = numbersInLayerOrder(clustering, layers);

        int[] counts = new int[clustering.k()];
        List<UserLayering> assignments = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            int cluster = clustering.assignment()[i];
            counts[cluster]++;
            RfmScores scores = rfm.get(i);
            assignments.add(new UserLayering(sorted.get(i).userId(), layers[cluster], numbers[cluster], scores, scores.segment()));
        }
        ClusterSummary[] clusters = new ClusterSummary[clustering.k()];
        for (int cluster = 0; cluster < clustering.k(); cluster++) {
            clusters[numbers[cluster]] = new ClusterSummary(numbers[cluster], layers[cluster],
                    centroid(clustering, cluster, standardization, parameters.scaling()),
                    counts[cluster], (double) counts[cluster] / sorted.size());
        }
        return new LayeringResult(parameters, clustering.iterations(), clustering.converged(), List.of(clusters), assignments);
    }

    private static List<UserFeatures> sortedById(List<UserFeatures> users) {
        List<UserFeatures> sorted = new ArrayList<>(users);
        sorted.sort(Comparator.comparing(UserFeatures::userId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).userId().equals(sorted.get(i - 1).userId())) {
                throw new IllegalArgumentException("user " + sorted.get(i).userId() + " appears more than once");
            }
        }
        return sorted;
    }

    private static double[] points(List<UserFeatures> users, FeatureScaling scaling) {
        Feature[] features = Feature.values();
        double[] points = new double[users.size() * features.length];
        int offset = 0;
        for (UserFeatures user : users) {
            for (Feature feature : features) {
                points[offset++] = scaling.toModel(feature, feature.of(user));
            }
        }
        return points;
    }

    /** Cluster numbers follow the layers, best first, and the most recent first within a shared layer. */
    private static int[] numbersInLayerOrder(Clustering clustering, Layer[] layers) {
        int[] byNumber = IntStream.range(0, clustering.k()).boxed()
                .sorted(Comparator.<Integer, Layer>comparing(cluster -> layers[cluster])
                        .thenComparingDouble(cluster -> clustering.center(cluster, Feature.RECENCY_DAYS.column()))
                        .thenComparing(Comparator.naturalOrder()))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] numbers = new int[byNumber.length];
        for (int number = 0; number < byNumber.length; number++) {
            numbers[byNumber[number]] = number;
        }
        return numbers;
    }

    private static Centroid centroid(Clustering clustering, int cluster, Standardization standardization, FeatureScaling scaling) {
        double[] original = new double[Feature.COUNT];
        for (Feature feature : Feature.values()) {
            double z = clustering.center(cluster, feature.column());
            original[feature.column()] = scaling.toOriginal(feature, standardization.invert(feature.column(), z));
        }
        return new Centroid(original[Feature.RECENCY_DAYS.column()], original[Feature.ACTIVE_DAYS_30.column()],
                original[Feature.ACTIVE_DAYS_90.column()], original[Feature.FREQUENCY.column()],
                original[Feature.MONETARY.column()]);
    }
}
