package dev.userlifecycle.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Query: a page of the users whose loyalty account is due for review by {@code asOf} (points to expire, or an
 * earning leaving the tier window; {@link LoyaltyReviewScheduled}), ordered by user id; answered with
 * {@link PointsExpiryCandidates}. A sweep asks for the first page with {@code afterUserId} {@code null}, then for the
 * ids after the last one it received.
 *
 * @param afterUserId only ids greater than this one, or {@code null} for the first page
 * @param limit       the most ids in one page
 */
public record FindPointsExpiryCandidates(Instant asOf, String afterUserId, int limit) {

    public FindPointsExpiryCandidates {
        Objects.requireNonNull(asOf, "asOf");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
