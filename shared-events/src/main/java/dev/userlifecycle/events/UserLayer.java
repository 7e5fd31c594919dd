package dev.userlifecycle.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where one user was in one layering run, and why.
 *
 * @param runId    the run
 * @param asOf     the business time of the run
 * @param asOfDay  the day the features were taken at
 * @param layer    the user's layer
 * @param cluster  the user's k-means cluster
 * @param rfm      the user's RFM scores within the run's population, and their segment
 * @param features the user's features as of {@code asOfDay}, from which cluster and scores follow
 */
public record UserLayer(
        String runId,
        Instant asOf,
        LocalDate asOfDay,
        String layer,
        int cluster,
        ProfileRfm rfm,
        LayeringFeatures features) {
}
