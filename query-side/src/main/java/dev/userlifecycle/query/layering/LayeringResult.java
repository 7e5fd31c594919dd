package dev.userlifecycle.query.layering;

import java.util.List;

/**
 * A layering run.
 *
 * @param parameters what it ran with
 * @param iterations assignment passes that k-means made
 * @param converged  whether k-means stopped because nothing changed, rather than at the iteration limit
 * @param clusters   every cluster, by cluster number
 * @param users      every user, by user id
 */
public record LayeringResult(
        LayeringParameters parameters,
        int iterations,
        boolean converged,
        List<ClusterSummary> clusters,
        List<UserLayering> users) {

    public LayeringResult {
        clusters = List.copyOf(clusters);
        users = List.copyOf(users);
    }
}
