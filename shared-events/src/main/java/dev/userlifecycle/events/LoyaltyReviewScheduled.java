package dev.userlifecycle.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The next business time at which the user's loyalty account changes by itself: points of it expire, or an earning
 * stops counting toward a tier above BRONZE. {@code reviewAt} is {@code null} when nothing is due. Recorded whenever
 * it changes, so that the expiry sweep can find the users due without reading their histories.
 */
@Revision("1")
public record LoyaltyReviewScheduled(
        String userId,
        Instant reviewAt,
        Instant occurredAt) implements UserEvent {
}
