package dev.userlifecycle.query.layering;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KMeansTest {

    private static final double[][] BLOB_CENTERS = {{0, 0}, {10, 10}, {-10, 10}};

    @Test
    void findsThreeWellSeparatedBlobsWhateverTheSeed() {
        int[] blobOf = new int[150];
        double[] points = blobs(blobOf, new Random(3));

        for (long seed = 0; seed < 10; seed++) {
            Clustering clustering = KMeans.fit(points, 2, 3, seed, 100);

            assertThat(clustering.converged()).isTrue();
            assertThat(sameGrouping(clustering.assignment(), blobOf)).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void findsTheBlobsFromASampleWhenThereAreMorePointsThanTheSampleHolds() {
        int[] blobOf = new int[KMeans.SAMPLE_SIZE + 5_000];
        double[] points = blobs(blobOf, new Random(5));

        Clustering first = KMeans.fit(points, 2, 3, 9, 100);
        Clustering second = KMeans.fit(points, 2, 3, 9, 100);

        assertThat(first.converged()).isTrue();
        assertThat(sameGrouping(first.assignment(), blobOf)).isTrue();
        assertThat(second.centers()).containsExactly(first.centers());
    }

    @Test
    void centersEndUpAtTheMeansOfTheirPoints() {
        int[] blobOf = new int[150];
        double[] points = blobs(blobOf, new Random(4));

        Clustering clustering = KMeans.fit(points, 2, 3, 1, 100);

        for (int cluster = 0; cluster < 3; cluster++) {
            double sumX = 0;
            double sumY = 0;
            int count = 0;
            for (int i = 0; i < blobOf.length; i++) {
                if (clustering.assignment()[i] == cluster) {
                    sumX += points[2 * i];
                    sumY += points[2 * i + 1];
                    count++;
                }
            }
            assertThat(clustering.center(cluster, 0)).isCloseTo(sumX / count, within(1e-12));
            assertThat(clustering.center(cluster, 1)).isCloseTo(sumY / count, within(1e-12));
        }
    }

    @Test
    void theSamePointsAndSeedGiveTheSameClusteringBitForBit() {
        Random random = new Random(8);
        double[] points = new double[5 * 2_000];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextGaussian();
        }

        Clustering first = KMeans.fit(points, 5, 4, 42, 50);
        Clustering second = KMeans.fit(points.clone(), 5, 4, 42, 50);

        assertThat(second.centers()).containsExactly(first.centers());
        assertThat(second.assignment()).containsExactly(first.assignment());
        assertThat(second.iterations()).isEqualTo(first.iterations());
    }

    @Test
    void stopsAtTheIterationLimitWithEveryPointAtItsNearestCenter() {
        Random random = new Random(8);
        double[] points = new double[2 * 1_000];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextDouble();
        }

        Clustering clustering = KMeans.fit(points, 2, 5, 7, 2);

        assertThat(clustering.iterations()).isEqualTo(2);
        assertThat(clustering.converged()).isFalse();
        for (int i = 0; i < 1_000; i++) {
            int assigned = clustering.assignment()[i];
            for (int cluster = 0; cluster < 5; cluster++) {
                assertThat(distance(points, i, clustering, assigned)).isLessThanOrEqualTo(distance(points, i, clustering, cluster));
            }
        }
    }

    @Test
    void fewerDistinctPointsThanClustersLeaveClustersEmptyInsteadOfFailing() {
        double[] points = new double[2 * 10];
        for (int i = 0; i < 10; i++) {
            points[2 * i] = i < 5 ? 1 : 2;
        }

        Clustering clustering = KMeans.fit(points, 2, 3, 1, 100);

        assertThat(clustering.converged()).isTrue();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int cluster : clustering.assignment()) {
            sizes.merge(cluster, 1, Integer::sum);
        }
        assertThat(sizes.values()).containsExactlyInAnyOrder(5, 5);
        assertThat(sameGrouping(clustering.assignment(), new int[]{0, 0, 0, 0, 0, 1, 1, 1, 1, 1})).isTrue();
    }

    @Test
    void refusesFewerPointsThanClusters() {
        assertThatThrownBy(() -> KMeans.fit(new double[]{1, 2, 3, 4}, 2, 3, 1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least k = 3 points, got 2");
    }

    private static double[] blobs(int[] blobOf, Random random) {
        double[] points = new double[blobOf.length * 2];
        for (int i = 0; i < blobOf.length; i++) {
            blobOf[i] = random.nextInt(BLOB_CENTERS.length);
            points[2 * i] = BLOB_CENTERS[blobOf[i]][0] + random.nextGaussian() * 0.8;
            points[2 * i + 1] = BLOB_CENTERS[blobOf[i]][1] + random.nextGaussian() * 0.8;
        }
        return points;
    }

    /** Whether two labelings split the points the same way, whatever the labels are called. */
    private static boolean sameGrouping(int[] labels, int[] expected) {
        Map<Integer, Integer> forward = new HashMap<>();
        Map<Integer, Integer> backward = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (forward.merge(labels[i], expected[i], (a, b) -> a.equals(b) ? a : -1) == -1
                    || backward.merge(expected[i], labels[i], (a, b) -> a.equals(b) ? a : -1) == -1) {
                return false;
            }
        }
        return true;
    }

    private static double distance(double[] points, int i, Clustering clustering, int cluster) {
        double dx = points[2 * i] - clustering.center(cluster, 0);
        double dy = points[2 * i + 1] - clustering.center(cluster, 1);
        return dx * dx + dy * dy;
    }
}
