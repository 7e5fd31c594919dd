package dev.userlifecycle.query.layering;

import java.util.Objects;

/**
 * How a layering run clusters.
 *
 * @param k             number of clusters, 3 to 5
 * @param seed          seed of the k-means++ seeding; the same users with the same seed give the same result
 * @param maxIterations most assignment passes of k-means, at least 1
 * @param scaling       how features are prepared before z-scoring
 */
public record LayeringParameters(int k, long seed, int maxIterations, FeatureScaling scaling) {

    public static final int DEFAULT_K = 4;
    public static final long DEFAULT_SEED = 20_240_601L;
    public static final int DEFAULT_MAX_ITERATIONS = 100;

    public LayeringParameters {
        if (k < LayerMapper.MIN_K || k > LayerMapper.MAX_K) {
            throw new IllegalArgumentException("k must be within " + LayerMapper.MIN_K + ".." + LayerMapper.MAX_K + ": " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    public LayeringParameters(int k, long seed, int maxIterations) {
        this(k, seed, maxIterations, FeatureScaling.LOG_SKEWED_THEN_Z_SCORE);
    }

    public static LayeringParameters defaults() {
        return new LayeringParameters(DEFAULT_K, DEFAULT_SEED, DEFAULT_MAX_ITERATIONS);
    }

    public LayeringParameters withK(int k) {
        return new LayeringParameters(k, seed, maxIterations, scaling);
    }
}
