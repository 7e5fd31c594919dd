package dev.userlifecycle.query.layering;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding and restarts, on a row-major matrix of doubles.
 *
 * <p>A single k-means++ seeding ends in a poor local optimum often enough (a third of the seeds on
 * four clean groups of users) that the result would hinge on the seed. So {@value #RESTARTS}
 * seedings are each run to convergence on a random sample of at most {@value #SAMPLE_SIZE}
 * points (all points when there are no more), the one with the lowest cost on the sample wins
 * (the earliest on a tie), and its centers are refined on all points. Sampling keeps the restarts
 * cheap for a million users; the sample is drawn without replacement by selection sampling.
 *
 * <p>Each Lloyd iteration assigns every point to its nearest center (the lowest index on a tie)
 * and then moves every center to the mean of its points. It stops when an assignment pass changes
 * nothing, or after {@code maxIterations} passes; either way the returned assignment is the
 * nearest-center assignment for the returned centers. A center left without points moves onto the
 * point farthest from its own center; it stays empty only when every point sits on its center,
 * which needs fewer distinct points than clusters.
 *
 * <p>Deterministic: the same points in the same order with the same seed give the same clustering,
 * bit for bit; every random draw comes from one {@link SplittableRandom} in a fixed sequence and
 * every sum runs in index order. The result does depend on the order of the points, so callers that
 * build them from a map or a query must fix the order first; {@link Layering} sorts users by id.
 */
final class KMeans {

    static final int RESTARTS = 10;
    static final int SAMPLE_SIZE = 20_000;

    private KMeans() {
    }

    static Clustering fit(double[] points, int columns, int k, long seed, int maxIterations) {
        int n = points.length / columns;
        if (n < k) {
            throw new IllegalArgumentException("k-means needs at least k = " + k + " points, got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] sample = n > SAMPLE_SIZE ? sample(points, columns, SAMPLE_SIZE, random) : points;
        Clustering best = null;
        for (int restart = 0; restart < RESTARTS; restart++) {
            Clustering trial = lloyd(sample, columns, seedCenters(sample, columns, k, random), maxIterations);
            if (best == null || trial.cost() < best.cost()) {
                best = trial;
            }
        }
        return lloyd(points, columns, best.centers().clone(), maxIterations);
    }

    private static double[] sample(double[] points, int columns, int size, SplittableRandom random) {
        int n = points.length / columns;
        double[] sample = new double[size * columns];
        int taken = 0;
        for (int i = 0; i < n && taken < size; i++) {
            if (random.nextInt(n - i) < size - taken) {
                System.arraycopy(points, i * columns, sample, taken * columns, columns);
                taken++;
            }
        }
        return sample;
    }

    /** k-means++: the first center uniformly, each next one with probability proportional to D². */
    private static double[] seedCenters(double[] points, int columns, int k, SplittableRandom random) {
        int n = points.length / columns;
        double[] centers = new double[k * columns];
        System.arraycopy(points, random.nextInt(n) * columns, centers, 0, columns);
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int cluster = 1; cluster < k; cluster++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], squaredDistance(points, i * columns, centers, (cluster - 1) * columns, columns));
                total += nearest[i];
            }
            int chosen = total > 0 ? drawByWeight(nearest, random.nextDouble() * total) : random.nextInt(n);
            System.arraycopy(points, chosen * columns, centers, cluster * columns, columns);
        }
        return centers;
    }

    private static int drawByWeight(double[] weights, double target) {
        double cumulative = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                cumulative += weights[i];
                lastPositive = i;
                if (cumulative > target) {
                    return i;
                }
            }
        }
        // only reachable if rounding leaves the running sum a hair below target
        return lastPositive;
    }

    private static Clustering lloyd(double[] points, int columns, double[] centers, int maxIterations) {
        int n = points.length / columns;
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double[] distances = new double[n];
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            if (assign(points, columns, centers, assignment, distances) == 0) {
                converged = true;
                break;
            }
            if (iteration < maxIterations) {
                moveCenters(points, columns, centers, assignment, distances);
            }
        }
        double cost = 0;
        for (double distance : distances) {
            cost += distance;
        }
        return new Clustering(columns, centers, assignment, cost, iteration, converged);
    }

    private static int assign(double[] points, int columns, double[] centers, int[] assignment, double[] distances) {
        int k = centers.length / columns;
        int changed = 0;
        for (int i = 0, offset = 0; i < assignment.length; i++, offset += columns) {
            int best = 0;
            double bestDistance = squaredDistance(points, offset, centers, 0, columns);
            for (int cluster = 1; cluster < k; cluster++) {
                double distance = squaredDistance(points, offset, centers, cluster * columns, columns);
                if (distance < bestDistance) {
                    best = cluster;
                    bestDistance = distance;
                }
            }
            distances[i] = bestDistance;
            if (assignment[i] != best) {
                assignment[i] = best;
                changed++;
            }
        }
        return changed;
    }

    private static void moveCenters(double[] points, int columns, double[] centers, int[] assignment, double[] distances) {
        int k = centers.length / columns;
        double[] sums = new double[centers.length];
        long[] counts = new long[k];
        for (int i = 0, offset = 0; i < assignment.length; i++, offset += columns) {
            int base = assignment[i] * columns;
            for (int column = 0; column < columns; column++) {
                sums[base + column] += points[offset + column];
            }
            counts[assignment[i]]++;
        }
        for (int cluster = 0; cluster < k; cluster++) {
            int base = cluster * columns;
            if (counts[cluster] > 0) {
                for (int column = 0; column < columns; column++) {
                    centers[base + column] = sums[base + column] / counts[cluster];
                }
                continue;
            }
            int farthest = farthestPoint(distances);
            if (farthest >= 0) {
                System.arraycopy(points, farthest * columns, centers, base, columns);
                distances[farthest] = 0;
            }
        }
    }

    /** The point farthest from its center (lowest index on a tie), or -1 if all sit on their centers. */
    private static int farthestPoint(double[] distances) {
        int farthest = -1;
        double farthestDistance = 0;
        for (int i = 0; i < distances.length; i++) {
            if (distances[i] > farthestDistance) {
                farthest = i;
                farthestDistance = distances[i];
            }
        }
        return farthest;
    }

    private static double squaredDistance(double[] points, int pointOffset, double[] centers, int centerOffset, int columns) {
        double sum = 0;
        for (int column = 0; column < columns; column++) {
            double difference = points[pointOffset + column] - centers[centerOffset + column];
            sum += difference * difference;
        }
        return sum;
    }
}
