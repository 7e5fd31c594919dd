package dev.userlifecycle.events;

/**
 * What a layering run clustered with.
 *
 * @param k             number of clusters, 3 to 5
 * @param seed          seed of the k-means++ seeding
 * @param maxIterations most assignment passes of k-means
 * @param scaling       how features were prepared for k-means ({@code LOG_SKEWED_THEN_Z_SCORE} or {@code Z_SCORE})
 */
public record LayeringRunParameters(int k, long seed, int maxIterations, String scaling) {
}
