package dev.userlifecycle.query.layering;

/**
 * The outcome of {@link KMeans}.
 *
 * @param columns    coordinates per point and per center
 * @param centers    k centers, row-major, in the space that was clustered
 * @param assignment the cluster of each point, in the order of the points
 * @param cost       sum of squared distances from the points to their centers (the "inertia")
 * @param iterations assignment passes made over the points
 * @param converged  whether the last pass changed no assignment (otherwise the iteration limit ended it)
 */
record Clustering(int columns, double[] centers, int[] assignment, double cost, int iterations, boolean converged) {

    int k() {
        return centers.length / columns;
    }

    double center(int cluster, int column) {
        return centers[cluster * columns + column];
    }
}
