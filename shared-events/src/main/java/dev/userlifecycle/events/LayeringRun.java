package dev.userlifecycle.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A layering run, as the query side answers {@link FindLatestLayeringRun} and {@link FindLayeringRun}.
 *
 * @param runId      its identifier
 * @param asOf       the business time it describes
 * @param asOfDay    the calendar day of {@code asOf} in the platform's time zone: users registered later are left
 *                   out, activity and purchases after it do not count
 * @param trigger    what started it
 * @param startedAt  when it started, by the service's clock
 * @param finishedAt when it was stored, by the service's clock
 * @param durationMs how long reading, computing and storing took
 * @param users      how many users it layered
 * @param iterations assignment passes of k-means
 * @param converged  whether k-means stopped because nothing changed, rather than at the iteration limit
 * @param layers     the four layers, best first
 * @param clusters   the k clusters, by number
 * @param rfm        users by RFM score and segment
 */
public record LayeringRun(
        String runId,
        Instant asOf,
        LocalDate asOfDay,
        LayeringTrigger trigger,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        LayeringRunParameters parameters,
        long users,
        int iterations,
        boolean converged,
        List<LayerShare> layers,
        List<LayeringCluster> clusters,
        RfmDistribution rfm) {

    public LayeringRun {
        layers = List.copyOf(layers);
        clusters = List.copyOf(clusters);
    }
}
