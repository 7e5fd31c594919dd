package dev.userlifecycle.query.layering;

/**
 * The outcome of {@link KMeans}.
 *
 * @param columns    coordinates per point and per center
 * @param centers    k centers, row-major, in the space that was clustered
 * @param assignment the cluster of each point, in the order of the points
 * @param iterations assignment passes made
 * @param converged  whether the last pass changed no assignment (otherwise the iteration limit ended it)
 */
record Clustering(int columns, double[] centers, int[] assignment, int iterations, boolean converged) {

    int k() {
        return centers.length / columns;
    }

    double center(int cluster, int column) {
        return centers[cluster * columns + column];
    }
}
