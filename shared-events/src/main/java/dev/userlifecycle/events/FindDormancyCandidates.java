package dev.userlifecycle.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Query: a page of the active users whose last activity is at or before {@code asOf - dormancyPeriod} (business
 * time), ordered by user id; answered with {@link DormancyCandidates}. A sweep asks for the first page with
 * {@code afterUserId} {@code null}, then for the ids after the last one it received.
 *
 * @param afterUserId only ids greater than this one, or {@code null} for the first page
 * @param limit       the most ids in one page
 */
public record FindDormancyCandidates(Instant asOf, Duration dormancyPeriod, String afterUserId, int limit) {

    public FindDormancyCandidates {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(dormancyPeriod, "dormancyPeriod");
        if (dormancyPeriod.isNegative() || dormancyPeriod.isZero()) {
            throw new IllegalArgumentException("dormancyPeriod must be positive: " + dormancyPeriod);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    /** The latest last activity that makes a user a candidate. */
    public Instant lastActiveAtOrBefore() {
        return asOf.minus(dormancyPeriod);
    }
}
